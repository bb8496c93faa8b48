package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model method (any visibility, no parameter) to run after a new record is written, before the after-
 * save callbacks. Callbacks of a superclass run before those of its subclasses; see {@link Model} for the
 * whole order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterCreate {
}
