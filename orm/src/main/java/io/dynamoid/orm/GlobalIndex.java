package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A global secondary index, created with the table (Dynamoid's {@code global_secondary_index}). Keys name
 * fields by Java name or attribute name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(GlobalIndex.List.class)
public @interface GlobalIndex {
    String hashKey();

    String rangeKey() default "";

    /** Empty means {@code <table>_index_<hash>[_<range>]}, as Dynamoid names it. */
    String name() default "";

    Projection projection() default Projection.KEYS_ONLY;

    /** The non-key attributes of an {@link Projection#INCLUDE} projection. */
    String[] projectedAttributes() default {};

    /** Provisioned capacity of the index; 0 follows the table's. Ignored when on-demand. */
    long readCapacity() default 0;

    long writeCapacity() default 0;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        GlobalIndex[] value();
    }
}
