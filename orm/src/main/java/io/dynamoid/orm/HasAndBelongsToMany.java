package io.dynamoid.orm;

import io.dynamoid.orm.internal.associations.Declaration;

/**
 * Dynamoid's {@code has_and_belongs_to_many}: both sides hold a set of the other's keys.
 * {@code public final HasAndBelongsToMany<Tag> tags = hasAndBelongsToMany(Tag.class);} pairs with
 * {@code HasAndBelongsToMany<Post> posts} on Tag (the owner class name in plural), unless
 * {@link #inverseOf(String)} names another; a model may be its own inverse
 * ({@code hasAndBelongsToMany(User.class).inverseOf("friends")}: symmetric friendship).
 *
 * @param <T> the target model
 */
public final class HasAndBelongsToMany<T extends Model<T>> extends ManyAssociation<T> {
    HasAndBelongsToMany(Model<?> owner, Declaration declaration) {
        super(owner, declaration);
    }

    /** This association with its inverse named (Dynamoid's {@code inverse_of}); for declarations. */
    public HasAndBelongsToMany<T> inverseOf(String name) {
        return new HasAndBelongsToMany<>(owner(), declaration().withInverseOf(name));
    }
}
