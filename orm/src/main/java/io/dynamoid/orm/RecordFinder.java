package io.dynamoid.orm;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.RecordMapping;
import io.dynamoid.orm.internal.persistence.Find;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only projections of a model into a Java record, from {@link Finder#as(Class)}:
 * <pre>{@code
 * record UserCard(String name, int age) {}
 * UserCard card = User.find.as(UserCard.class).byId(id);   // GetItem reading only id, name and age
 * }</pre>
 * Each record component names a model field (Java or attribute name) of the same type. Through a subclass of a
 * single-table hierarchy, only items of that class or its descendants are read, as with its {@link Finder}.
 */
public final class RecordFinder<T extends Model<?>, R extends Record> {
    private final Finder<T> finder;
    private final Class<R> type;

    RecordFinder(Finder<T> finder, Class<R> type) {
        this.finder = finder;
        this.type = type;
    }

    public R byId(Object hash) {
        return byKey(Key.of(hash));
    }

    public R byId(Object hash, Object range) {
        return byKey(Key.of(hash, range));
    }

    public Optional<R> findById(Object hash) {
        return find(Key.of(hash));
    }

    public Optional<R> findById(Object hash, Object range) {
        return find(Key.of(hash, range));
    }

    /** In the order of the keys (hash values or {@link Key}s); {@link RecordNotFoundException} if any is missing. */
    public List<R> byIds(Collection<?> keys) {
        Engine engine = finder.engine();
        ModelMapping mapping = engine.mapping(finder.type());
        RecordMapping<R> view = engine.recordMapping(finder.type(), type);
        List<Map<String, AttributeValue>> attributeKeys = keys.stream().map(mapping::key).toList();
        List<R> records = new ArrayList<>();
        List<Map<String, AttributeValue>> items = Find.many(engine, mapping, attributeKeys, finder.isConsistent(), view.selection()).stream()
                .map(i -> i != null && mapping.typeField().admits(i) ? i : null).toList(); // another subclass's item is missing here
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new RecordNotFoundException("Couldn't find all " + finder.type().getSimpleName() + " records: "
                        + attributeKeys.get(i) + " is missing");
            }
            records.add(view.instantiate(items.get(i)));
        }
        return records;
    }

    /** Every record, by Scan of only the needed attributes (subject to warnOnScan/errorOnScan). */
    public List<R> all() {
        Engine engine = finder.engine();
        ModelMapping mapping = engine.mapping(finder.type());
        RecordMapping<R> view = engine.recordMapping(finder.type(), type);
        engine.beforeScan(mapping, "all " + type.getSimpleName() + " of " + finder.type().getSimpleName());
        List<R> records = new ArrayList<>();
        Find.scan(engine, mapping, finder.isConsistent(), view.selection(), item -> {
            if (mapping.typeField().admits(item)) {
                records.add(view.instantiate(item));
            }
        });
        return records;
    }

    private R byKey(Key key) {
        return find(key).orElseThrow(() -> new RecordNotFoundException("Couldn't find " + finder.type().getSimpleName()
                + " with key " + key.hash() + (key.range() == null ? "" : ", " + key.range())));
    }

    private Optional<R> find(Key key) {
        Engine engine = finder.engine();
        ModelMapping mapping = engine.mapping(finder.type());
        RecordMapping<R> view = engine.recordMapping(finder.type(), type);
        return Optional.ofNullable(Find.one(engine, mapping, mapping.key(key), finder.isConsistent(), view.selection()))
                .filter(mapping.typeField()::admits).map(view::instantiate);
    }
}
