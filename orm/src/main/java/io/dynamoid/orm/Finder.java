package io.dynamoid.orm;

import io.dynamoid.orm.criteria.Chain;
import io.dynamoid.orm.criteria.Condition;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.criteria.QuerySource;
import io.dynamoid.orm.internal.lifecycle.Callback;
import io.dynamoid.orm.internal.lifecycle.Callbacks;
import io.dynamoid.orm.internal.persistence.Delete;
import io.dynamoid.orm.internal.persistence.Find;
import io.dynamoid.orm.internal.persistence.Import;
import io.dynamoid.orm.internal.persistence.Increment;
import io.dynamoid.orm.internal.persistence.Selection;
import io.dynamoid.orm.internal.persistence.UpdateFields;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Class-level operations of a model (Ebean's Finder shape), usually a static field of the model:
 * {@code public static final Finder<User> find = Finder.of(User.class);}. Immutable; it works on the
 * {@linkplain Dynamoid#current() current} instance unless bound with {@link #on(Dynamoid)}.
 *
 * <p>Keys: where a method takes {@code key}, pass the hash key value for hash-only models, or a
 * {@link Key#of(Object, Object)} for models with a range key.
 */
public class Finder<T extends Model<?>> {
    private final Class<T> type;
    private final Dynamoid dynamoid;
    private final boolean consistent;

    private Finder(Class<T> type, Dynamoid dynamoid, boolean consistent) {
        this.type = Objects.requireNonNull(type);
        this.dynamoid = dynamoid;
        this.consistent = consistent;
    }

    public static <T extends Model<?>> Finder<T> of(Class<T> type) {
        return new Finder<>(type, null, false);
    }

    /** This finder working on a given instance instead of the current one. */
    public Finder<T> on(Dynamoid dynamoid) {
        return new Finder<>(type, Objects.requireNonNull(dynamoid), consistent);
    }

    /** This finder with strongly consistent reads. */
    public Finder<T> consistent() {
        return new Finder<>(type, dynamoid, true);
    }

    public Class<T> type() {
        return type;
    }

    /** Read-only projections of this model into a record type (see {@link RecordFinder}). */
    public <R extends Record> RecordFinder<T, R> as(Class<R> recordType) {
        return new RecordFinder<>(this, recordType);
    }

    boolean isConsistent() {
        return consistent;
    }

    /** The table name on the instance this finder works on. */
    public String tableName() {
        return mapping().tableName();
    }

    /** A new, unsaved record; it will be saved on this finder's instance. */
    public T newInstance() {
        Engine engine = engine();
        T record = type.cast(engine.mapping(type).meta().newInstance());
        record.state().bind(engine);
        Callbacks.fire(record, Callback.AFTER_INITIALIZE);
        return record;
    }

    /**
     * A new record, initialized by {@code init}, then saved (Dynamoid's {@code create}): returned even when
     * invalid or halted, then unsaved ({@link Model#isNewRecord()}) with its {@link Model#errors()}.
     */
    public T create(Consumer<? super T> init) {
        T record = newInstance();
        init.accept(record);
        record.save();
        return record;
    }

    /** {@link #create} raising as {@link Model#saveOrThrow()} (Dynamoid's {@code create!}). */
    public T createOrThrow(Consumer<? super T> init) {
        T record = newInstance();
        init.accept(record);
        record.saveOrThrow();
        return record;
    }

    /** The record with this hash key; {@link RecordNotFoundException} when there is none. */
    public T byId(Object hash) {
        return byKey(Key.of(hash));
    }

    public T byId(Object hash, Object range) {
        return byKey(Key.of(hash, range));
    }

    /** The record with this key, if any (Dynamoid's {@code find_by_id}). */
    public Optional<T> findById(Object hash) {
        return find(Key.of(hash));
    }

    public Optional<T> findById(Object hash, Object range) {
        return find(Key.of(hash, range));
    }

    /**
     * The records with these keys (hash values or {@link Key}s), in the same order, read with BatchGetItem in
     * chunks of 100; {@link RecordNotFoundException} if any is missing.
     */
    public List<T> byIds(Collection<?> keys) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        List<Map<String, AttributeValue>> attributeKeys = keys.stream().map(mapping::key).toList();
        List<Map<String, AttributeValue>> items = Find.many(engine, mapping, attributeKeys, consistent, Selection.ALL).stream()
                .map(i -> i != null && mapping.typeField().admits(i) ? i : null).toList(); // another subclass's item is missing here
        List<T> records = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                long found = items.stream().filter(Objects::nonNull).count();
                throw new RecordNotFoundException("Couldn't find all " + type.getSimpleName() + " records: " + attributeKeys.get(i)
                        + " is missing (found " + found + ", asked for " + items.size() + ")");
            }
            records.add(load(engine, mapping, items.get(i)));
        }
        return records;
    }

    /**
     * The records with these keys that exist, in the order asked, read with BatchGetItem in chunks of 100;
     * missing ones are skipped (Dynamoid's {@code find(ids, raise_error: false)}).
     */
    public List<T> findByIds(Collection<?> keys) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        List<Map<String, AttributeValue>> items = Find.many(engine, mapping, keys.stream().map(mapping::key).toList(), consistent, Selection.ALL);
        return items.stream().filter(Objects::nonNull).filter(mapping.typeField()::admits).map(item -> load(engine, mapping, item)).toList();
    }

    /** Whether a record has this key (reads only the key). */
    public boolean exists(Object key) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        if (mapping.typeField().restricts()) { // the type must be read too
            Map<String, AttributeValue> item = Find.one(engine, mapping, mapping.key(key), consistent);
            return item != null && mapping.typeField().admits(item);
        }
        return Find.exists(engine, mapping, mapping.key(key), consistent);
    }

    /** Every record, by Scan: warned about or refused as configured (warnOnScan, errorOnScan). */
    public List<T> all() {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        engine.beforeScan(mapping, "all records of " + type.getSimpleName());
        List<T> records = new ArrayList<>();
        Find.scan(engine, mapping, consistent, Selection.ALL, item -> {
            if (mapping.typeField().admits(item)) {
                records.add(load(engine, mapping, item));
            }
        });
        return records;
    }

    /** A query of every record, to refine with the {@link Chain} methods ({@code query().scanLimit(100).all()}). */
    public Chain<T> query() {
        return Chain.over(new QuerySource<>(type, this::engine, consistent, this::load));
    }

    /** Records whose field equals the value: a lazy {@link Chain}. */
    public Chain<T> where(String field, Object value) {
        return query().where(field, value);
    }

    /** Records whose field satisfies the condition ({@code where("age", gt(30))}): a lazy {@link Chain}. */
    public Chain<T> where(String field, Condition condition) {
        return query().where(field, condition);
    }

    /** Records passing a hand-written filter expression; see {@link Chain#where(String, Map)}. */
    public Chain<T> where(String expression, Map<String, ?> values) {
        return query().where(expression, values);
    }

    /**
     * Finds the record, sets the attributes and saves it (validation and callbacks run); returns it even when
     * invalid, then unsaved with its {@link Model#errors()} (Dynamoid's {@code update}).
     */
    public T update(Object key, Map<String, ?> attributes) {
        T record = byKey(key instanceof Key k ? k : Key.of(key));
        record.updateAttributes(attributes);
        return record;
    }

    /** {@link #update(Object, Map)} raising as {@link Model#saveOrThrow()} (Dynamoid's {@code update!}). */
    public T updateOrThrow(Object key, Map<String, ?> attributes) {
        T record = byKey(key instanceof Key k ? k : Key.of(key));
        record.updateAttributesOrThrow(attributes);
        return record;
    }

    /**
     * Updates attributes of an existing item in one UpdateItem, without reading it, validating or hooks
     * (Dynamoid's {@code update_fields}); null values remove attributes. Empty when there is no such item (for a
     * subclass of a single-table hierarchy, an item of a class outside its subtree counts as none).
     */
    public Optional<T> updateFields(Object key, Map<String, ?> attributes) {
        return updateFields(key, attributes, Map.of());
    }

    /** {@link #updateFields(Object, Map)} only if each condition attribute equals its value; empty otherwise. */
    public Optional<T> updateFields(Object key, Map<String, ?> attributes, Map<String, ?> conditions) {
        return updateItem(key, attributes, conditions, false);
    }

    /**
     * Like {@link #updateFields(Object, Map)}, creating the item when it does not exist (Dynamoid's {@code upsert}),
     * with this model's type name in a single-table hierarchy.
     */
    public Optional<T> upsert(Object key, Map<String, ?> attributes) {
        return upsert(key, attributes, Map.of());
    }

    public Optional<T> upsert(Object key, Map<String, ?> attributes, Map<String, ?> conditions) {
        return updateItem(key, attributes, conditions, true);
    }

    /**
     * Atomic counters: adds each amount (negative to decrement) with UpdateExpression ADD, without reading
     * (Dynamoid's {@code inc}); a missing item or attribute counts from 0. Also sets updated_at. For a subclass of a
     * single-table hierarchy, an item of a class outside its subtree is left alone; a created item stores the type name.
     */
    public void inc(Object key, Map<String, ? extends Number> amounts) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        Increment.call(engine, mapping, mapping.key(key), amounts, true);
    }

    public void inc(Object key, String attribute, Number amount) {
        inc(key, Map.of(attribute, amount));
    }

    /** Deletes the item with this key, if any, without hooks. */
    public void delete(Object key) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        Delete.key(engine, mapping, mapping.key(key));
    }

    /** Deletes the items with these keys with BatchWriteItem (unprocessed items retried with backoff). */
    public void deleteAll(Collection<?> keys) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        Delete.keys(engine, mapping, keys.stream().map(mapping::key).toList());
    }

    /**
     * Writes many records with BatchWriteItem (Dynamoid's {@code import}): ids and timestamps are set, but no
     * validation, hooks or uniqueness check; an existing item with the same key is replaced.
     */
    public List<T> importAll(Collection<T> records) {
        Engine engine = engine();
        List<T> list = List.copyOf(records);
        Import.call(engine, engine.mapping(type), list, list.stream().map(Model::state).toList());
        return list;
    }

    private Optional<T> updateItem(Object key, Map<String, ?> attributes, Map<String, ?> conditions, boolean upsert) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        Map<String, AttributeValue> item = UpdateFields.call(engine, mapping, mapping.key(key), attributes, conditions, upsert);
        return Optional.ofNullable(item).map(i -> load(engine, mapping, i));
    }

    private T byKey(Key key) {
        return find(key).orElseThrow(() -> new RecordNotFoundException("Couldn't find " + type.getSimpleName() + " with key "
                + key.hash() + (key.range() == null ? "" : ", " + key.range())));
    }

    private Optional<T> find(Key key) {
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(type);
        Map<String, AttributeValue> item = Find.one(engine, mapping, mapping.key(key), consistent);
        return Optional.ofNullable(item).filter(mapping.typeField()::admits).map(i -> load(engine, mapping, i));
    }

    private T load(Engine engine, ModelMapping mapping, Map<String, AttributeValue> item) {
        ModelMapping actual = mapping.typeField().present() ? engine.mapping(mapping.typeField().classOf(item)) : mapping;
        T record = type.cast(actual.instantiate(item));
        record.state().persisted(actual.dump(record), engine);
        Callbacks.loaded(record);
        return record;
    }

    Engine engine() {
        return (dynamoid != null ? dynamoid : Dynamoid.current()).engine();
    }

    private ModelMapping mapping() {
        return engine().mapping(type);
    }
}
