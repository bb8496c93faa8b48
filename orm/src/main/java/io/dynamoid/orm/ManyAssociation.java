package io.dynamoid.orm;

import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.associations.Declaration;
import io.dynamoid.orm.internal.associations.Definition;
import io.dynamoid.orm.internal.associations.Linker.Change;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The operations of {@link HasMany} and {@link HasAndBelongsToMany}: a set of target records stored on the
 * owner as {@code <name>_ids}. Reading the targets ({@link #all()}, iteration, {@link #where}) uses BatchGetItem
 * (100 keys a request); the other reads use only the stored keys.
 *
 * @param <T> the target model
 */
public abstract class ManyAssociation<T extends Model<T>> extends Association<T> implements Iterable<T> {
    ManyAssociation(Model<?> owner, Declaration declaration) {
        super(owner, declaration);
    }

    /** The associated records, read with BatchGetItem; records that no longer exist are skipped. */
    public List<T> all() {
        return load(elements());
    }

    @Override
    public Iterator<T> iterator() {
        return all().iterator();
    }

    /** How many records are linked (the stored keys; nothing is read). */
    public int count() {
        return elements().size();
    }

    public boolean isEmpty() {
        return elements().isEmpty();
    }

    /** Whether this record is linked (by its key; nothing is read). */
    public boolean contains(T record) {
        return !record.isNewRecord() && elements().contains(element(record));
    }

    /**
     * Links a record (Dynamoid's {@code <<}): saves it and the owner if new, adds its key to the owner and, when
     * the target declares the inverse association, the owner's key to it (a belongs_to inverse first leaves its
     * previous owner). Returns the record.
     */
    public T add(T record) {
        addAll(List.of(record));
        return record;
    }

    /** Links several records: one UpdateItem on the owner, one on each record with an inverse side. */
    public void addAll(Collection<? extends T> records) {
        List<T> list = List.copyOf(records);
        list.forEach(Association::ensureSaved);
        ensureSaved(owner());
        write(Change.ADD, elementsOf(list));
        inverse().ifPresent(inverse -> {
            String owner = element(owner());
            list.forEach(r -> of(r, inverse).associate(owner));
        });
    }

    /** Unlinks a record without deleting it (Dynamoid's {@code delete}); its inverse side forgets the owner. */
    public T remove(T record) {
        removeAll(List.of(record));
        return record;
    }

    public void removeAll(Collection<? extends T> records) {
        List<T> linked = records.stream().filter(r -> !r.isNewRecord()).<T>map(r -> r).toList();
        if (owner().isNewRecord() || linked.isEmpty()) {
            return;
        }
        write(Change.DELETE, elementsOf(linked));
        inverse().ifPresent(inverse -> {
            String owner = element(owner());
            linked.forEach(r -> of(r, inverse).disassociate(owner));
        });
    }

    /** A new target initialized by {@code init}, saved, then linked (Dynamoid's {@code create}). */
    public T create(Consumer<? super T> init) {
        T record = finder().newInstance();
        init.accept(record);
        return add(record);
    }

    /** Makes these records the whole association: the others are unlinked, these linked. */
    public void set(Collection<? extends T> records) {
        List<T> list = List.copyOf(records);
        list.forEach(Association::ensureSaved);
        Set<String> keep = elementsOf(list);
        List<String> dropped = elements().stream().filter(e -> !keep.contains(e)).toList();
        removeAll(load(dropped));
        addAll(list);
    }

    /** Unlinks every record, then destroys each (hooks run, and each leaves its other inverse sides). */
    public void destroyAll() {
        clearThen(Model::destroy);
    }

    /** Unlinks every record, then deletes each without hooks. */
    public void deleteAll() {
        clearThen(Model::delete);
    }

    /**
     * The associated records whose field (Java or attribute name) equals the value, filtered in memory after
     * the BatchGetItem, as in Dynamoid (values compare as stored: 5 equals 5L).
     */
    public List<T> where(String field, Object value) {
        return where(Map.of(field, value));
    }

    /** The associated records matching every field = value pair; see {@link #where(String, Object)}. */
    public List<T> where(Map<String, ?> fieldValues) {
        ModelMapping mapping = owner().dynamoid().engine().mapping(targetType());
        Map<ModelMapping.MappedField, AttributeValue> expected = new HashMap<>();
        fieldValues.forEach((name, value) -> {
            ModelMapping.MappedField f = mapping.field(name);
            expected.put(f, f.dump(value));
        });
        return all().stream().filter(r -> expected.entrySet().stream()
                .allMatch(e -> Objects.equals(e.getKey().dump(e.getKey().meta().get(r)), e.getValue()))).toList();
    }

    /** The first associated record in stored key order, if any. */
    public Optional<T> first() {
        return all().stream().findFirst();
    }

    @Override
    void associate(String element) {
        write(Change.ADD, Set.of(element));
    }

    @Override
    void disassociate(String element) {
        if (elements().contains(element)) {
            write(Change.DELETE, Set.of(element));
        }
    }

    @Override
    void unlinkInverse() {
        Optional<Definition> inverse = inverse();
        if (inverse.isPresent()) {
            String owner = element(owner());
            all().forEach(r -> of(r, inverse.get()).disassociate(owner));
        }
    }

    private void clearThen(Consumer<T> action) {
        List<T> records = all();
        if (!owner().isNewRecord()) {
            write(Change.CLEAR, Set.of());
        }
        records.forEach(action);
    }

    private static Set<String> elementsOf(List<? extends Model<?>> records) {
        Set<String> elements = new LinkedHashSet<>();
        records.forEach(r -> elements.add(element(r)));
        return elements;
    }
}
