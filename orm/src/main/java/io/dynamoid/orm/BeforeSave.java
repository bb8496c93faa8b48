package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model method (any visibility, no parameter) to run before every save, new or existing record, after
 * validation. A method returning {@code boolean} halts by returning false: nothing is written and {@code
 * save()} answers false. Callbacks of a superclass run before those of its subclasses; see {@link Model} for
 * the whole order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeSave {
}
