package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Table options of a model (Dynamoid's {@code table ...}). Optional: without it the table is named after the
 * class ({@code UserAccount} → {@code user_accounts}), always prefixed by the configured namespace.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
    /** The table name before the namespace prefix; empty means the pluralized snake_case class name. */
    String name() default "";

    /** Whether this model has created_at/updated_at; {@link Setting#DEFAULT} follows the configuration. */
    Setting timestamps() default Setting.DEFAULT;

    /** Provisioned read capacity for this table; 0 follows the configuration. Ignored when on-demand. */
    long readCapacity() default 0;

    /** Provisioned write capacity for this table; 0 follows the configuration. Ignored when on-demand. */
    long writeCapacity() default 0;
}
