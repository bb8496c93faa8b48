package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field holding the table's partition (hash) key, a string, number or binary type. Without it a
 * model's hash key is the inherited {@code id}, a UUID string generated on first save.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface HashKey {
}
