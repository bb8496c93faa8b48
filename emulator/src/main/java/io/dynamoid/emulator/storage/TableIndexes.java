package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secondary indexes of one table, kept in step with its items: {@link Table#commit} hands every change
 * here, and each index declared in the table's current definition updates its {@link IndexStore}. A store
 * appears the first time its index is seen (so an index added by UpdateTable indexes new writes at once,
 * and {@link #backfill} adds the items written before).
 */
public final class TableIndexes {
    private final Table table;
    private final ConcurrentHashMap<String, IndexStore> stores = new ConcurrentHashMap<>();

    TableIndexes(Table table) {
        this.table = table;
    }

    /** The store of a declared index (created empty if it has none yet). */
    public IndexStore store(IndexDefinition index) {
        IndexStore store = stores.get(index.name());
        if (store != null && store.serves(index)) return store;
        return stores.compute(index.name(), (name, existing) -> existing != null && existing.serves(index)
                ? existing : new IndexStore(index, table.definition().keySchema()));
    }

    /** The store of the named index of the table's current definition, or null when there is no such index. */
    public IndexStore store(String indexName) {
        IndexDefinition index = table.definition().index(indexName);
        return index == null ? null : store(index);
    }

    void apply(ItemKey key, Item oldItem, Item newItem) {
        TableDefinition definition = table.definition();
        for (IndexDefinition index : definition.globalIndexes()) store(index).apply(key, oldItem, newItem);
        for (IndexDefinition index : definition.localIndexes()) store(index).apply(key, oldItem, newItem);
    }

    /**
     * Indexes every item already in the table, for a global index just added by UpdateTable. Each item is
     * read and indexed under its key's lock, so a concurrent write cannot be overtaken by a stale copy.
     */
    public void backfill(IndexDefinition index) {
        IndexStore store = store(index);
        for (ItemKey key : table.items().keySet()) {
            table.locked(key, () -> {
                Item current = table.get(key);
                if (current != null) store.apply(key, null, current);
                return null;
            });
        }
    }

    /** Forgets a deleted index's entries. */
    public void drop(String indexName) {
        stores.remove(indexName);
    }

    /**
     * DynamoDB's write-time check of index keys: an item may lack an index key attribute (it is then not
     * indexed), but one it has must be of the declared type and, for S and B, not empty. Global indexes are
     * checked before local ones, each in declaration order.
     */
    public static void checkIndexKeys(TableDefinition definition, Map<String, AttrValue> item) {
        List<IndexDefinition> indexes = new ArrayList<>(definition.globalIndexes());
        indexes.addAll(definition.localIndexes());
        for (IndexDefinition index : indexes) {
            for (KeyElement key : index.keySchema().elements()) {
                AttrValue value = item.get(key.name());
                if (value == null) continue;
                if (!value.type().equals(key.attributeType())) {
                    throw Errors.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                            + key.name() + " Expected: " + key.attributeType() + " Actual: " + value.type()
                            + " IndexName: " + index.name());
                }
                if (isEmpty(value)) {
                    throw Errors.validation("One or more parameter values are not valid. A value specified for a "
                            + "secondary index key is not supported. The AttributeValue for a key attribute cannot "
                            + "contain an empty " + (value instanceof AttrValue.S ? "string" : "binary")
                            + " value. IndexName: " + index.name() + ", IndexKey: " + key.name());
                }
            }
        }
    }

    private static boolean isEmpty(AttrValue value) {
        return (value instanceof AttrValue.S s && s.value().isEmpty())
                || (value instanceof AttrValue.B b && b.value().length() == 0);
    }
}
