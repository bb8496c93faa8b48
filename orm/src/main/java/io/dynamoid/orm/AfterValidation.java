package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model method (any visibility, no parameter) to run after validation (whatever its outcome; not when
 * a before callback halted). Callbacks of a superclass run before those of its subclasses; see {@link Model}
 * for the whole order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterValidation {
}
