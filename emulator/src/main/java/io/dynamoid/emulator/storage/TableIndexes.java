package io.dynamoid.emulator.storage;

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

    void apply(ItemKey key, Item oldItem, Item newItem) {
        TableDefinition definition = table.definition();
        for (IndexDefinition index : definition.globalIndexes()) store(index).apply(key, oldItem, newItem);
        for (IndexDefinition index : definition.localIndexes()) store(index).apply(key, oldItem, newItem);
    }

    /**
     * Indexes every item already in the table, for a global index just added by UpdateTable. Each item is
     * read and indexed under its key's lock, so a concurrent write cannot be overtaken by a stale copy.
     */
    private void backfill(IndexDefinition index) {
        IndexStore store = store(index);
        for (ItemKey key : table.items().keySet()) {
            table.locked(key, () -> {
                Item current = table.get(key);
                if (current != null) store.apply(key, null, current);
                return null;
            });
        }
    }

    /** The store of the named index if it has one (without creating it), else null. */
    public IndexStore find(String indexName) {
        return stores.get(indexName);
    }

    /**
     * Brings the stores in line with a new definition (UpdateTable): an index it adds is backfilled from the
     * table's items, an index it removes is forgotten.
     */
    public void follow(TableDefinition before, TableDefinition after) {
        for (IndexDefinition index : after.globalIndexes()) {
            if (before.index(index.name()) == null) backfill(index);
        }
        for (IndexDefinition index : before.globalIndexes()) {
            if (after.index(index.name()) == null) stores.remove(index.name());
        }
    }
}
