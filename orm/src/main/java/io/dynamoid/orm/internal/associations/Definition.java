package io.dynamoid.orm.internal.associations;

import java.lang.reflect.Field;

/**
 * One association of a model class, as resolved from its declaration.
 *
 * @param owner      the model class declaring it
 * @param name       the Java field name (Dynamoid's association name)
 * @param declaration kind, target and options
 * @param attribute  where the target keys are stored: the foreign key, else {@code <name>_ids}
 * @param field      the model field holding the association object
 */
public record Definition(Class<?> owner, String name, Declaration declaration, String attribute, Field field) {
    public Kind kind() {
        return declaration.kind();
    }

    public Class<?> target() {
        return declaration.target();
    }

    /** Stored as one string attribute (a belongs_to foreign key) rather than a string set. */
    public boolean foreignKey() {
        return declaration.foreignKey() != null;
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
