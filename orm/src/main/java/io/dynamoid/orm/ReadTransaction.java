package io.dynamoid.orm;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.lifecycle.Callbacks;
import io.dynamoid.orm.internal.transactions.TransactionReader;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A read transaction (Dynamoid's {@code TransactionRead}): records read by key, of any models, together with one
 * TransactGetItems — a snapshot no concurrent transaction is half-way through.
 * <pre>{@code
 * List<Model<?>> found = dynamoid.readTransaction(r -> {
 *     r.find(User.class, userId);
 *     r.findIfExists(Order.class, Key.of(userId, 42));
 * });
 * User user = (User) found.get(0);
 * }</pre>
 * The records come back in the order asked. {@link #find} raises {@link RecordNotFoundException} when the item
 * is missing (as Dynamoid's find), {@link #findIfExists} answers null instead. At most 100 reads, one per item.
 */
public final class ReadTransaction {
    private final TransactionReader reader;

    private ReadTransaction(Engine engine) {
        this.reader = new TransactionReader(engine, (mapping, item) -> load(engine, mapping, item));
    }

    /** Runs the block on a new read transaction of the current instance and reads; see {@link Dynamoid#readTransaction}. */
    public static List<Model<?>> execute(Consumer<ReadTransaction> block) {
        return Dynamoid.current().readTransaction(block);
    }

    /** A new read transaction of the current instance, read by {@link #commit()}. */
    public static ReadTransaction begin() {
        return Dynamoid.current().beginReadTransaction();
    }

    static ReadTransaction on(Dynamoid dynamoid) {
        return new ReadTransaction(dynamoid.engine());
    }

    /** Reads the record with this key (hash value or {@link Key}); a missing one fails the read with RecordNotFound. */
    public ReadTransaction find(Class<? extends Model<?>> type, Object key) {
        reader.find(type, key, true);
        return this;
    }

    /** Reads the records with these keys, in this order; a missing one fails the read with RecordNotFound. */
    public ReadTransaction find(Class<? extends Model<?>> type, Collection<?> keys) {
        keys.forEach(key -> find(type, key));
        return this;
    }

    /** Reads the record with this key; a missing one is a null in the result. */
    public ReadTransaction findIfExists(Class<? extends Model<?>> type, Object key) {
        reader.find(type, key, false);
        return this;
    }

    /** Reads everything asked with one TransactGetItems: the records in the order asked. */
    public List<Model<?>> commit() {
        return reader.commit().stream().<Model<?>>map(record -> (Model<?>) record).toList();
    }

    private static Object load(Engine engine, ModelMapping mapping, Map<String, AttributeValue> item) {
        Model<?> record = (Model<?>) mapping.instantiate(item);
        record.state().persisted(mapping.dump(record), engine);
        Callbacks.loaded(record);
        return record;
    }
}
