package io.dynamoid.orm;

import io.dynamoid.orm.internal.associations.Declaration;

/**
 * Dynamoid's {@code has_one}: {@code public final HasOne<Role> role = hasOne(Role.class);}, stored on the owner
 * as a one-element {@code role_ids} set. Its inverse is a {@link BelongsTo} on the target named after the owner
 * class ({@code user}), unless {@link #inverseOf(String)} names it.
 *
 * @param <T> the target model
 */
public final class HasOne<T extends Model<T>> extends SingleAssociation<T> {
    HasOne(Model<?> owner, Declaration declaration) {
        super(owner, declaration);
    }

    /** This association with its inverse {@link BelongsTo} named (Dynamoid's {@code inverse_of}); for declarations. */
    public HasOne<T> inverseOf(String name) {
        return new HasOne<>(owner(), declaration().withInverseOf(name));
    }
}
