package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The item's expiry time (Dynamoid's {@code table expires: {field:, after:}}): stored as epoch seconds (N), and
 * enabled as the table's time-to-live attribute when the table is created. The field is a {@code long},
 * {@code Long} or {@code Instant}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Ttl {
    /** When positive, a new record without an expiry gets now + this many seconds. */
    long afterSeconds() default 0;
}
