package io.dynamoid.orm.internal.associations;

import io.dynamoid.orm.ModelDefinitionException;

import java.util.Objects;

/**
 * What a model declares for one association: its kind, the target model, and the options of Dynamoid
 * ({@code inverse_of}; {@code foreign_key} for belongs_to).
 *
 * @param kind       the association kind
 * @param target     the target model class
 * @param inverseOf  the name of the inverse association on the target, or null to derive it from class names
 * @param foreignKey the attribute holding the target's key as a single string (belongs_to only), or null for
 *                   the default {@code <name>_ids} set
 */
public record Declaration(Kind kind, Class<?> target, String inverseOf, String foreignKey) {
    public Declaration {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(target);
        if (foreignKey != null && kind != Kind.BELONGS_TO) {
            throw new ModelDefinitionException("Only belongs_to takes a foreign key, not " + kind);
        }
        if (foreignKey != null && foreignKey.isEmpty() || inverseOf != null && inverseOf.isEmpty()) {
            throw new ModelDefinitionException("An association option cannot be an empty name");
        }
    }

    public Declaration withInverseOf(String name) {
        return new Declaration(kind, target, Objects.requireNonNull(name), foreignKey);
    }

    public Declaration withForeignKey(String attribute) {
        return new Declaration(kind, target, inverseOf, Objects.requireNonNull(attribute));
    }
}
