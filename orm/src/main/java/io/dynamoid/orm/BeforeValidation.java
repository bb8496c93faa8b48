package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model method (any visibility, no parameter) to run before validation runs (on {@link
 * Model#isValid()} and every validating save). A method returning {@code boolean} halts by returning false:
 * the record is then invalid and not saved. Callbacks of a superclass run before those of its subclasses; see
 * {@link Model} for the whole order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeValidation {
}
