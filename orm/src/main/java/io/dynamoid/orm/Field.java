package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options of a persisted field. Optional: every non-static, non-transient field of a model is persisted,
 * under its Java name, with the representation its type implies (see {@link Model}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Field {
    /** The attribute name in DynamoDB; empty means the Java field name. */
    String name() default "";

    /** For date-times and dates: ISO string instead of number; {@link Setting#DEFAULT} follows the configuration. */
    Setting storeAsString() default Setting.DEFAULT;

    /** For booleans: native BOOL instead of "t"/"f"; {@link Setting#DEFAULT} follows the configuration. */
    Setting nativeBoolean() default Setting.DEFAULT;

    /** Store the value as a JSON string (Jackson), whatever its type (Dynamoid's {@code :serialized}). */
    boolean serialized() default false;

    /** A custom representation; it needs a public no-argument constructor. */
    @SuppressWarnings("rawtypes")
    Class<? extends FieldConverter> converter() default FieldConverter.class;
}
