package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;

/**
 * Where an entry sits in a secondary index's ordered map: (hash of index partition key, index partition key,
 * index sort key, table key). Index keys need not be unique, so the table key breaks ties and makes every
 * entry distinct. The hash comes first, as in {@link ItemKey}, so parallel-scan segments are hash ranges
 * and Query is a contiguous range within one index partition.
 *
 * <p>Range ends are keys with {@code bound} -1 (before) or +1 (after) and null for every component below
 * the level they bound: a partition bound has neither sort nor table key, a sort-value bound has no table
 * key, a hash bound has no partition.
 */
public record IndexKey(int hash, AttrValue partition, AttrValue sort, ItemKey tableKey, int bound)
        implements Comparable<IndexKey> {

    public static IndexKey entry(AttrValue partition, AttrValue sort, ItemKey tableKey) {
        return new IndexKey(ItemKey.hashOf(partition), partition, sort, tableKey, 0);
    }

    /** Before (bound -1) or after (bound +1) every entry of an index partition. */
    public static IndexKey partitionBound(AttrValue partition, int bound) {
        return new IndexKey(ItemKey.hashOf(partition), partition, null, null, bound);
    }

    /** Before (bound -1) or after (bound +1) every entry of an index partition with this sort key value. */
    public static IndexKey sortBound(AttrValue partition, AttrValue sort, int bound) {
        return new IndexKey(ItemKey.hashOf(partition), partition, sort, null, bound);
    }

    /** Before every entry whose partition hash is {@code hash} or more (a parallel-scan segment start). */
    public static IndexKey hashStart(int hash) {
        return new IndexKey(hash, null, null, null, -1);
    }

    @Override
    public int compareTo(IndexKey o) {
        int c = Integer.compareUnsigned(hash, o.hash);
        if (c != 0) return c;
        c = compareLevel(partition, o.partition, o);
        if (c != 0 || partition == null || o.partition == null) return c;
        c = compareLevel(sort, o.sort, o);
        if (c != 0 || (sort == null) != (o.sort == null)) return c;
        if (tableKey == null || o.tableKey == null) {
            if (tableKey == null && o.tableKey == null) return Integer.compare(bound, o.bound);
            return tableKey == null ? bound : -o.bound;
        }
        return tableKey.compareTo(o.tableKey);
    }

    /**
     * Compares one component. A null on one side only means that side is a bound at this level and sorts
     * by its bound; null on both sides (a hash-only index has no sort key) compares equal.
     */
    private int compareLevel(AttrValue mine, AttrValue theirs, IndexKey o) {
        if (mine == null && theirs == null) return 0;
        if (mine == null) return bound;
        if (theirs == null) return -o.bound;
        return KeyOrder.INSTANCE.compare(mine, theirs);
    }
}
