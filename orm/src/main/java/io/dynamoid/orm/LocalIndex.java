package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A local secondary index: the table's hash key with another range key, created with the table (Dynamoid's
 * {@code local_secondary_index}). The model must have a range key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(LocalIndex.List.class)
public @interface LocalIndex {
    String rangeKey();

    /** Empty means {@code <table>_index_<hash>_<range>}, as Dynamoid names it. */
    String name() default "";

    Projection projection() default Projection.KEYS_ONLY;

    String[] projectedAttributes() default {};

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        LocalIndex[] value();
    }
}
