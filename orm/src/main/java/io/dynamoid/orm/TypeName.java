package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a model of a single-table hierarchy (see {@link Inheritance}) stores in the type attribute; by default
 * the class's simple name, as Dynamoid stores the class name. Names are unique within a hierarchy.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TypeName {
    String value();
}
