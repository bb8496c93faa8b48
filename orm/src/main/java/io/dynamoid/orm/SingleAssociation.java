package io.dynamoid.orm;

import io.dynamoid.orm.internal.associations.Declaration;
import io.dynamoid.orm.internal.associations.Linker.Change;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operations of {@link BelongsTo} and {@link HasOne}: at most one target, stored on the owner as a
 * one-element {@code <name>_ids} set (or a belongs_to foreign key).
 *
 * @param <T> the target model
 */
public abstract class SingleAssociation<T extends Model<T>> extends Association<T> {
    SingleAssociation(Model<?> owner, Declaration declaration) {
        super(owner, declaration);
    }

    /** The associated record, read with GetItem; empty when none is linked or it no longer exists. */
    public Optional<T> get() {
        return key().flatMap(k -> finder().findById(k.hash(), k.range()));
    }

    /** The key of the associated record, as stored (nothing is read). */
    public Optional<Key> key() {
        return keys().stream().findFirst();
    }

    /** Whether a record is linked (nothing is read). */
    public boolean isPresent() {
        return !elements().isEmpty();
    }

    /**
     * Links this record instead of the current one (Dynamoid's {@code association=}): saves new records, leaves
     * the previous target's inverse side, stores the key on the owner and, when the target declares the
     * inverse association, the owner's key on the target. Null unlinks, as {@link #remove()}.
     */
    public T set(T target) {
        if (target == null) {
            remove();
            return null;
        }
        ensureSaved(target);
        ensureSaved(owner());
        associate(element(target));
        inverse().ifPresent(inverse -> of(target, inverse).associate(element(owner())));
        return target;
    }

    /** A new target initialized by {@code init}, saved, then linked (Dynamoid's {@code create}). */
    public T create(Consumer<? super T> init) {
        T record = finder().newInstance();
        init.accept(record);
        return set(record);
    }

    /** Unlinks the target without deleting it (Dynamoid's {@code delete}): both sides forget each other. */
    public void remove() {
        if (owner().isNewRecord() || !isPresent()) {
            return;
        }
        unlinkInverse();
        write(Change.CLEAR, Set.of());
    }

    @Override
    void associate(String element) {
        if (isPresent() && !elements().first().equals(element)) {
            unlinkInverse();
        }
        write(Change.REPLACE, Set.of(element));
    }

    @Override
    void disassociate(String element) {
        if (isPresent() && elements().first().equals(element)) {
            write(Change.CLEAR, Set.of());
        }
    }

    @Override
    void unlinkInverse() {
        inverse().ifPresent(inverse -> get().ifPresent(target -> of(target, inverse).disassociate(element(owner()))));
    }
}
