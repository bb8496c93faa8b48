package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Single-table inheritance (Dynamoid's STI), declared on the base model: its subclasses share its table, each item
 * stores its class's {@linkplain TypeName type name} in the {@link #field()} attribute, loading an item
 * instantiates the class it names, and a subclass's finder reads only its own class and its descendants.
 * <pre>{@code
 * @Inheritance(subclasses = {Dog.class, Cat.class})
 * public class Animal extends Model<Animal> { public static final Finder<Animal> find = Finder.of(Animal.class); ... }
 * public class Dog extends Animal { public static final Finder<Dog> find = Finder.of(Dog.class); ... }
 * }</pre>
 * Java cannot list a class's subclasses, so they are declared here (at any depth), or by a {@code sealed} base
 * whose permitted subclasses are then used (the annotation is optional for it). Table options and indexes belong
 * to the base. A model may declare a String field stored under the inheritance attribute (e.g. to index it); the
 * ORM fills it. A listed abstract class has no type name: its finder reads its concrete descendants (it creates
 * nothing), and it must have one, else the hierarchy is refused with {@link ModelDefinitionException}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {
    /** The attribute holding the type name (Dynamoid's {@code inheritance_field}). */
    String field() default "type";

    /** The subclasses stored in this table, at any depth (besides those a sealed class permits). */
    Class<?>[] subclasses() default {};
}
