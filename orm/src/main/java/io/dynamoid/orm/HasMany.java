package io.dynamoid.orm;

import io.dynamoid.orm.internal.associations.Declaration;

/**
 * Dynamoid's {@code has_many}: {@code public final HasMany<Address> addresses = hasMany(Address.class);}.
 * Its inverse is a {@link BelongsTo} on the target, named after the owner class ({@code user}) unless
 * {@link #inverseOf(String)} names it. See {@link ManyAssociation} for the operations.
 *
 * @param <T> the target model
 */
public final class HasMany<T extends Model<T>> extends ManyAssociation<T> {
    HasMany(Model<?> owner, Declaration declaration) {
        super(owner, declaration);
    }

    /** This association with its inverse {@link BelongsTo} named (Dynamoid's {@code inverse_of}); for declarations. */
    public HasMany<T> inverseOf(String name) {
        return new HasMany<>(owner(), declaration().withInverseOf(name));
    }
}
