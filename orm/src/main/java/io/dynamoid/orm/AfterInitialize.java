package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a model method (any visibility, no parameter) to run when the ORM makes an instance: {@link
 * Finder#newInstance()} (so {@link Finder#create}) and every loaded record (after the after-find callbacks).
 * A plain {@code new} runs the constructor only. Callbacks of a superclass run before those of its
 * subclasses; see {@link Model} for the whole order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterInitialize {
}
