package io.dynamoid.orm;

import io.dynamoid.orm.internal.associations.Declaration;

/**
 * Dynamoid's {@code belongs_to}: {@code public final BelongsTo<Group> group = belongsTo(Group.class);}. The
 * target's key is stored in the one-element set {@code group_ids}, or with {@link #foreignKey(String)} in one
 * string attribute. Its inverse is a {@link HasMany} named after the owner class in plural ({@code users}) or
 * a {@link HasOne} in singular ({@code user}), unless {@link #inverseOf(String)} names it.
 *
 * @param <T> the target model
 */
public final class BelongsTo<T extends Model<T>> extends SingleAssociation<T> {
    BelongsTo(Model<?> owner, Declaration declaration) {
        super(owner, declaration);
    }

    /** This association with its inverse named (Dynamoid's {@code inverse_of}); for declarations. */
    public BelongsTo<T> inverseOf(String name) {
        return new BelongsTo<>(owner(), declaration().withInverseOf(name));
    }

    /**
     * This association storing the target's key in a string attribute of this name (Dynamoid's
     * {@code foreign_key}) instead of {@code <name>_ids}; for declarations.
     */
    public BelongsTo<T> foreignKey(String attribute) {
        return new BelongsTo<>(owner(), declaration().withForeignKey(attribute));
    }
}
