package io.dynamoid.orm.internal.inheritance;

import io.dynamoid.orm.GlobalIndex;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.Inheritance;
import io.dynamoid.orm.LocalIndex;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.RangeKey;
import io.dynamoid.orm.Table;
import io.dynamoid.orm.TypeName;

import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A single-table hierarchy, read once per base class: the base (the topmost concrete model class), the attribute
 * holding type names, and every class stored in its table with its type name. Members are the classes the base's
 * {@link Inheritance#subclasses()} lists and those sealed members permit, recursively. An abstract member has no
 * type name and reads through it return its concrete descendants, of which it must have one.
 */
final class Hierarchy {
    private static final ClassValue<Hierarchy> CACHE = new ClassValue<>() {
        @Override
        protected Hierarchy computeValue(Class<?> base) {
            return new Hierarchy(base);
        }
    };

    private static final List<Class<? extends Annotation>> BASE_ONLY =
            List.of(Table.class, GlobalIndex.class, GlobalIndex.List.class, LocalIndex.class, LocalIndex.List.class, Inheritance.class);

    private final Class<?> base;
    private final String attribute;
    private final Set<Class<?>> members;
    private final Map<String, Class<?>> byName;
    private final Map<Class<?>, String> names;

    /** The hierarchy whose base is {@code base} (see {@link #baseOf}). */
    static Hierarchy of(Class<?> base) {
        return CACHE.get(base);
    }

    /** The class whose table a model uses: the topmost concrete class between {@code Model} and the model. */
    static Class<?> baseOf(Class<?> model) {
        Class<?> base = model;
        for (Class<?> c = model; c != null && c != Model.class; c = c.getSuperclass()) {
            if (!Modifier.isAbstract(c.getModifiers())) {
                base = c;
            }
        }
        return base;
    }

    private Hierarchy(Class<?> base) {
        this.base = base;
        Inheritance options = base.getAnnotation(Inheritance.class);
        this.attribute = options == null ? "type" : options.field();
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(base));
        if (options != null) {
            pending.addAll(List.of(options.subclasses()));
        }
        while (!pending.isEmpty()) {
            Class<?> c = pending.removeFirst();
            if (found.add(c) && c.isSealed()) {
                pending.addAll(List.of(c.getPermittedSubclasses()));
            }
        }
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        Map<Class<?>, String> typeNames = new LinkedHashMap<>();
        for (Class<?> c : found) {
            if (c != base) {
                requireSubclass(c);
            }
            if (!Modifier.isAbstract(c.getModifiers())) {
                TypeName name = c.getAnnotation(TypeName.class);
                String typeName = name == null ? c.getSimpleName() : name.value();
                Class<?> other = classes.put(typeName, c);
                if (other != null) {
                    throw new ModelDefinitionException(c.getName() + " and " + other.getName() + " both have the type name '"
                            + typeName + "' in the hierarchy of " + base.getSimpleName() + "; tell them apart with @TypeName");
                }
                typeNames.put(c, typeName);
            }
        }
        for (Class<?> c : found) {
            requireConcreteDescendant(c, typeNames.keySet());
        }
        this.members = Collections.unmodifiableSet(found);
        this.byName = Collections.unmodifiableMap(classes);
        this.names = Collections.unmodifiableMap(typeNames);
    }

    /** A subclass inherits table, keys and indexes: declaring its own would split what one table holds. */
    private void requireSubclass(Class<?> c) {
        if (!base.isAssignableFrom(c)) {
            throw new ModelDefinitionException(c.getName() + " is listed as a subclass of " + base.getName() + " but does not extend it");
        }
        for (Class<? extends Annotation> annotation : BASE_ONLY) {
            if (c.isAnnotationPresent(annotation)) {
                throw new ModelDefinitionException(c.getSimpleName() + " shares the table of " + base.getSimpleName()
                        + ": declare @" + annotation.getSimpleName() + " on " + base.getSimpleName() + " instead");
            }
        }
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
            if (f.isAnnotationPresent(HashKey.class) || f.isAnnotationPresent(RangeKey.class)) {
                throw new ModelDefinitionException(c.getSimpleName() + "." + f.getName() + ": the keys of a table shared with "
                        + base.getSimpleName() + " are declared on " + base.getSimpleName());
            }
        }
    }

    /** An abstract member no concrete member extends could hold no item: reads through it would admit no type name. */
    private void requireConcreteDescendant(Class<?> c, Set<Class<?>> concrete) {
        if (Modifier.isAbstract(c.getModifiers()) && concrete.stream().noneMatch(c::isAssignableFrom)) {
            throw new ModelDefinitionException(c.getSimpleName() + " is abstract and no concrete class of " + base.getSimpleName()
                    + "'s hierarchy extends it: list a concrete subclass of it in @Inheritance(subclasses = ...) on "
                    + base.getSimpleName() + ", or leave it out");
        }
    }

    /** Whether the base stores type names: it is annotated, or has subclasses. */
    boolean active() {
        return base.isAnnotationPresent(Inheritance.class) || members.size() > 1;
    }

    Class<?> base() {
        return base;
    }

    String attribute() {
        return attribute;
    }

    boolean contains(Class<?> model) {
        return members.contains(model);
    }

    /** The concrete class with this type name, or null. */
    Class<?> classNamed(String typeName) {
        return byName.get(typeName);
    }

    /** The concrete classes with their type names, in declaration order. */
    Map<Class<?>, String> names() {
        return names;
    }
}
