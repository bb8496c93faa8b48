package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One table: its definition and its items in scan order ({@link ItemKey}). Reads are lock-free over
 * immutable items. Writes go through {@link #commit}, the single place where a change is applied (and where
 * indexes, streams and persistence will see it); callers that read before they write (conditions, updates)
 * hold the key's lock around both with {@link #locked}.
 */
public final class Table {
    private static final int LOCK_STRIPES = 256;

    private volatile TableDefinition definition;
    /** The database holding this table, whose {@link CommitListener} hears about writes; set when added. */
    private volatile Database database;
    private final ConcurrentSkipListMap<ItemKey, Item> items = new ConcurrentSkipListMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();
    private final TableIndexes indexes = new TableIndexes(this);

    public Table(TableDefinition definition) {
        this.definition = definition;
        for (int i = 0; i < LOCK_STRIPES; i++) locks[i] = new ReentrantLock();
    }

    public TableDefinition definition() {
        return definition;
    }

    /** Swaps in a new definition; the database's {@link TableListener} hears of it (in swap order). */
    public void definition(TableDefinition newDefinition) {
        synchronized (this) {
            this.definition = newDefinition;
            Database owner = database;
            TableListener listener = owner == null ? null : owner.tableListener();
            if (listener != null && owner.tables().get(name()) == this) listener.definitionChanged(this, newDefinition);
        }
    }

    public String name() {
        return definition.name();
    }

    /** The key of an item (or of a Key map) under this table's key schema; the attributes must be present. */
    public ItemKey keyOf(Map<String, AttrValue> attributes) {
        KeySchema schema = definition.keySchema();
        AttrValue hash = attributes.get(schema.hash().name());
        AttrValue range = schema.range() == null ? null : attributes.get(schema.range().name());
        return ItemKey.of(hash, range);
    }

    public Item get(ItemKey key) {
        return items.get(key);
    }

    /** All items in scan order; a live, weakly consistent view (never throws on concurrent change). */
    public NavigableMap<ItemKey, Item> items() {
        return items;
    }

    /** The secondary indexes, updated by every {@link #commit}. */
    public TableIndexes indexes() {
        return indexes;
    }

    public long itemCount() {
        return itemCount.get();
    }

    public long sizeBytes() {
        return sizeBytes.get();
    }

    /**
     * Applies one change: {@code newItem} replaces whatever is stored at {@code key}, or removes it when
     * null. Returns the previous item. The caller holds the key's lock.
     */
    public Item commit(ItemKey key, Item newItem) {
        Item old = applyChange(key, newItem);
        CommitListener listener = commitListener();
        if (listener != null) listener.committed(List.of(new Change(this, key, old, newItem)));
        return old;
    }

    /** {@link #commit} without telling the listener: {@link Database#commitGroup} tells it once per group. */
    Item applyChange(ItemKey key, Item newItem) {
        Item old = newItem == null ? items.remove(key) : items.put(key, newItem);
        long countDelta = (newItem == null ? 0 : 1) - (old == null ? 0 : 1);
        long sizeDelta = (newItem == null ? 0 : newItem.size()) - (old == null ? 0 : old.size());
        if (countDelta != 0) itemCount.addAndGet(countDelta);
        if (sizeDelta != 0) sizeBytes.addAndGet(sizeDelta);
        indexes.apply(key, old, newItem);
        return old;
    }

    void addedTo(Database owner) {
        this.database = owner;
    }

    private CommitListener commitListener() {
        Database owner = database;
        return owner == null ? null : owner.commitListener();
    }

    /** Runs {@code action} holding the lock of {@code key}, so a read-check-write on one item is atomic. */
    public <T> T locked(ItemKey key, Supplier<T> action) {
        ReentrantLock lock = lockFor(key);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** The lock guarding {@code key}; transactions take several in ascending {@link #lockIndex} order. */
    public ReentrantLock lockFor(ItemKey key) {
        return locks[lockIndex(key)];
    }

    public int lockIndex(ItemKey key) {
        int h = key.hash() * 31 + (key.sort() == null ? 0 : key.sort().hashCode());
        return Math.floorMod(h, LOCK_STRIPES);
    }
}
