package io.dynamoid.orm;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.lifecycle.Callback;
import io.dynamoid.orm.internal.lifecycle.Callbacks;
import io.dynamoid.orm.internal.transactions.TransactionWriter;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A write transaction (Dynamoid's {@code TransactionWrite}): writes to several records, of any models, that
 * all happen or none does, sent together with one TransactWriteItems.
 * <pre>{@code
 * dynamoid.transaction(tx -> {
 *     tx.create(user);                                  // put, only if no item has its key
 *     tx.save(account);                                 // its changed attributes, under its lock version
 *     tx.increment(Counter.class, "users", "count", 1);
 *     tx.delete(order);
 * });
 * }</pre>
 *
 * <p>Each method adds an action; nothing is sent until the block ends (or {@link #commit()}). Adding a save or
 * create validates the record (an invalid one throws {@link DocumentNotValidException}) and runs its save and
 * create or update callbacks (before, around, after) right away, as Dynamoid does; destroy runs the destroy
 * callbacks; a callback that halts throws {@link RecordNotSavedException} or {@link RecordNotDestroyedException}.
 * Such an exception in the block aborts the whole transaction. Generated ids, timestamps and lock versions are
 * set on the records as actions are added; the "fields", upsert, increment and by-key delete actions run no
 * validation or callbacks.
 *
 * <p>After a successful commit the records are persisted (or destroyed) and after_commit runs on each. When
 * the block throws, {@link #rollback()} is called, or DynamoDB cancels the transaction
 * ({@link TransactionCanceledException}, naming the failed action: say a record that already exists or a stale
 * lock version), nothing is written, the records get back their previous ids, timestamps and lock versions,
 * and after_rollback runs. As in DynamoDB, a transaction holds at most 100 actions, one per item: more, or two
 * on the same item, throw {@link InvalidTransactionException} before anything is sent.
 */
public final class Transaction {
    private final Engine engine;
    private final TransactionWriter writer;

    private Transaction(Engine engine) {
        this.engine = engine;
        this.writer = new TransactionWriter(engine, (record, before) -> record.savedInTransaction(before));
    }

    /** Runs the block on a new transaction of the current instance, then commits it; see {@link Dynamoid#transaction}. */
    public static void execute(Consumer<Transaction> block) {
        Dynamoid.current().transaction(block);
    }

    /** A new transaction of the current instance, committed by {@link #commit()}; see {@link Dynamoid#beginTransaction()}. */
    public static Transaction begin() {
        return Dynamoid.current().beginTransaction();
    }

    static Transaction on(Dynamoid dynamoid) {
        return new Transaction(dynamoid.engine());
    }

    static void run(Dynamoid dynamoid, Consumer<Transaction> block) {
        Transaction tx = on(dynamoid);
        try {
            block.accept(tx);
        } catch (RuntimeException | Error e) {
            if (tx.writer.isOpen()) {
                tx.writer.rollback();
            }
            throw e;
        }
        if (tx.writer.isOpen()) {
            tx.commit();
        }
    }

    /** Saves the record, as {@link Model#save()}: a new one is created, an existing one updated if it changed. */
    public <T extends Model<?>> T save(T record) {
        writer.save(record, record.state(), true);
        return record;
    }

    /** {@link #save} without validation (Dynamoid's {@code save(model, validate: false)}); callbacks run. */
    public <T extends Model<?>> T saveWithoutValidation(T record) {
        writer.save(record, record.state(), false);
        return record;
    }

    /** Creates this new record (the transaction is canceled if an item with its key exists). */
    public <T extends Model<?>> T create(T record) {
        writer.create(record, record.state());
        return record;
    }

    /** Creates a new record of the model, initialized by {@code init} (Dynamoid's {@code create(Class, attributes)}). */
    public <T extends Model<?>> T create(Class<T> type, Consumer<? super T> init) {
        T record = type.cast(engine.mapping(type).meta().newInstance());
        record.state().bind(engine);
        Callbacks.fire(record, Callback.AFTER_INITIALIZE);
        init.accept(record);
        return create(record);
    }

    /** Sets these attributes (attribute or Java names) on the record and saves it (Dynamoid's {@code update_attributes}). */
    public <T extends Model<?>> T updateAttributes(T record, Map<String, ?> attributes) {
        record.assignAttributes(attributes);
        return save(record);
    }

    /** Applies the changes to the record and saves it: {@code tx.update(user, u -> u.age = 30)}. */
    public <T extends Model<?>> T update(T record, Consumer<? super T> changes) {
        changes.accept(record);
        return save(record);
    }

    /**
     * Updates attributes of an existing item by key, without reading it, validation or callbacks (as
     * {@link Finder#updateFields}); the transaction is canceled if the item does not exist.
     */
    public void updateFields(Class<? extends Model<?>> type, Object key, Map<String, ?> attributes) {
        updateFields(type, key, attributes, Map.of());
    }

    /** {@link #updateFields(Class, Object, Map)}, canceled also unless each condition attribute equals its value. */
    public void updateFields(Class<? extends Model<?>> type, Object key, Map<String, ?> attributes, Map<String, ?> conditions) {
        writer.updateFields(type, key, attributes, conditions, false);
    }

    /** Updates the item by key, creating it when missing (as {@link Finder#upsert}). */
    public void upsert(Class<? extends Model<?>> type, Object key, Map<String, ?> attributes) {
        upsert(type, key, attributes, Map.of());
    }

    /** {@link #upsert(Class, Object, Map)}, canceled unless each condition attribute equals its value. */
    public void upsert(Class<? extends Model<?>> type, Object key, Map<String, ?> attributes, Map<String, ?> conditions) {
        writer.updateFields(type, key, attributes, conditions, true);
    }

    /** Atomic counters of an item by key (ADD; negative amounts decrement; as {@link Finder#inc}). */
    public void increment(Class<? extends Model<?>> type, Object key, Map<String, ? extends Number> amounts) {
        writer.increment(type, key, amounts);
    }

    public void increment(Class<? extends Model<?>> type, Object key, String attribute, Number amount) {
        increment(type, key, Map.of(attribute, amount));
    }

    /** Deletes the record without callbacks; with optimistic locking, the transaction is canceled if it is stale. */
    public <T extends Model<?>> T delete(T record) {
        writer.delete(record, record.state());
        return record;
    }

    /** Deletes the item with this key (hash value or {@link Key}), if any. */
    public void delete(Class<? extends Model<?>> type, Object key) {
        writer.delete(type, key);
    }

    /** Deletes the record inside its destroy callbacks. */
    public <T extends Model<?>> T destroy(T record) {
        writer.destroy(record, record.state());
        return record;
    }

    /** Sends every action with one TransactWriteItems (nothing when none has anything to write). */
    public void commit() {
        writer.commit();
    }

    /** Gives the transaction up: nothing is sent, records get back their previous state, after_rollback runs. */
    public void rollback() {
        writer.rollback();
    }
}
