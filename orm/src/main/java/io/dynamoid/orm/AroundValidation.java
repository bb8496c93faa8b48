package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model method (any visibility) taking one {@link Proceed} to run around validation: it calls {@code
 * proceed.proceed()} once to validate; not calling it halts (the record is invalid and not saved). Callbacks
 * of a superclass run before those of its subclasses; see {@link Model} for the whole order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AroundValidation {
}
