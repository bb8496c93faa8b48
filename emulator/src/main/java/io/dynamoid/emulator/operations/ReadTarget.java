package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.expressions.KeyCondition;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Bytes;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.IndexKey;
import io.dynamoid.emulator.storage.IndexStore;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a Query or Scan reads: a table's items, or one secondary index's entries. Both are ordered maps
 * whose order starts with the partition-key hash, so a Query is one contiguous range, a Scan walks the
 * whole map (a parallel-scan segment is a hash range), and an ExclusiveStartKey resumes exactly after
 * the entry it names.
 *
 * @param <K> the map's key type
 */
abstract sealed class ReadTarget<K> {
    /** A range end: the key, and whether the key itself belongs to the range. */
    record Bound<K>(K key, boolean inclusive) {
    }

    final Table table;

    private ReadTarget(Table table) {
        this.table = table;
    }

    static ReadTarget<?> of(Table table, IndexStore index) {
        return index == null ? new TableItems(table) : new IndexEntries(table, index);
    }

    abstract NavigableMap<K, Item> map();

    /** The key schema Query conditions and ExclusiveStartKey follow: the index's, or the table's. */
    abstract KeySchema keySchema();

    /** The index read, or null for the table. */
    abstract IndexDefinition index();

    /** The map key of an ExclusiveStartKey (already validated to hold every key attribute of the right type). */
    abstract K startKey(Map<String, AttrValue> key);

    abstract K hashStart(long unsignedHash);

    abstract Bound<K> partitionStart(AttrValue partition);

    abstract Bound<K> partitionEnd(AttrValue partition);

    /** Lower bound of the sort values ≥ {@code sort} ({@code inclusive}) or > {@code sort}. */
    abstract Bound<K> from(AttrValue partition, AttrValue sort, boolean inclusive);

    /** Upper bound of the sort values ≤ {@code sort} ({@code inclusive}) or < {@code sort}. */
    abstract Bound<K> to(AttrValue partition, AttrValue sort, boolean inclusive);

    /** The names LastEvaluatedKey carries: the table's key, then the index's key attributes not among them. */
    List<String> startKeyNames() {
        List<String> names = new ArrayList<>();
        for (KeyElement key : table.definition().keySchema().elements()) names.add(key.name());
        for (KeyElement key : keySchema().elements()) if (!names.contains(key.name())) names.add(key.name());
        return names;
    }

    /** The unsigned partition hash of a start key, placing it in a parallel-scan segment. */
    long hashOf(Map<String, AttrValue> key) {
        return ItemKey.of(key.get(keySchema().hash().name()), null).unsignedHash();
    }

    /** The entries of one partition satisfying the sort-key condition (if any), after the start key. */
    Iterator<Item> query(AttrValue partition, KeyCondition sort, Map<String, AttrValue> exclusiveStart, boolean forward) {
        Bound<K> lower = partitionStart(partition);
        Bound<K> upper = partitionEnd(partition);
        if (sort != null) {
            AttrValue v = sort.values().get(0);
            switch (sort.operator()) {
                case "EQ" -> {
                    lower = from(partition, v, true);
                    upper = to(partition, v, true);
                }
                case "LT" -> upper = to(partition, v, false);
                case "LE" -> upper = to(partition, v, true);
                case "GT" -> lower = from(partition, v, false);
                case "GE" -> lower = from(partition, v, true);
                case "BETWEEN" -> {
                    lower = from(partition, v, true);
                    upper = to(partition, sort.values().get(1), true);
                }
                case "BEGINS_WITH" -> {
                    lower = from(partition, v, true);
                    AttrValue successor = prefixSuccessor(v);
                    if (successor != null) upper = to(partition, successor, false);
                }
                default -> throw new IllegalStateException(sort.operator());
            }
        }
        if (exclusiveStart != null) {
            Bound<K> start = new Bound<>(startKey(exclusiveStart), false);
            if (forward) lower = start;
            else upper = start;
        }
        return range(lower, upper, forward);
    }

    /** Every entry whose partition hash is in [{@code hashFrom}, {@code hashTo}), after the start key. */
    Iterator<Item> scan(long hashFrom, long hashTo, Map<String, AttrValue> exclusiveStart) {
        NavigableMap<K, Item> map = map();
        NavigableMap<K, Item> view = exclusiveStart != null
                ? map.tailMap(startKey(exclusiveStart), false)
                : hashFrom > 0 ? map.tailMap(hashStart(hashFrom), true) : map;
        if (hashTo <= 0xFFFFFFFFL) view = view.headMap(hashStart(hashTo), false);
        return view.values().iterator();
    }

    /**
     * The smallest key value above every value that begins with {@code prefix}, or null when there is none
     * (the prefix is all maximal characters or bytes). With it, begins_with is a plain key range.
     */
    static AttrValue prefixSuccessor(AttrValue prefix) {
        if (prefix instanceof AttrValue.S s) {
            int[] codePoints = s.value().codePoints().toArray();
            for (int i = codePoints.length - 1; i >= 0; i--) {
                if (codePoints[i] < Character.MAX_CODE_POINT) {
                    int next = codePoints[i] == 0xD7FF ? 0xE000 : codePoints[i] + 1; // skip the surrogate range
                    return new AttrValue.S(new String(codePoints, 0, i) + Character.toString(next));
                }
            }
            return null;
        }
        byte[] bytes = ((AttrValue.B) prefix).value().toArray();
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] != (byte) 0xff) {
                byte[] successor = Arrays.copyOf(bytes, i + 1);
                successor[i]++;
                return new AttrValue.B(Bytes.wrap(successor));
            }
        }
        return null;
    }

    private Iterator<Item> range(Bound<K> lower, Bound<K> upper, boolean forward) {
        NavigableMap<K, Item> map = map();
        if (compare(lower.key(), upper.key()) > 0) return Collections.emptyIterator();
        NavigableMap<K, Item> view = map.subMap(lower.key(), lower.inclusive(), upper.key(), upper.inclusive());
        return (forward ? view : view.descendingMap()).values().iterator();
    }

    @SuppressWarnings("unchecked")
    private int compare(K a, K b) {
        return ((Comparable<K>) a).compareTo(b);
    }

    /** A table's own items. */
    static final class TableItems extends ReadTarget<ItemKey> {
        /** Sorts before every real partition key of its hash: B sorts before N and S, and keys are never empty. */
        private static final AttrValue LOWEST_PARTITION = new AttrValue.B(Bytes.wrap(new byte[0]));

        TableItems(Table table) {
            super(table);
        }

        @Override
        NavigableMap<ItemKey, Item> map() {
            return table.items();
        }

        @Override
        KeySchema keySchema() {
            return table.definition().keySchema();
        }

        @Override
        IndexDefinition index() {
            return null;
        }

        @Override
        ItemKey startKey(Map<String, AttrValue> key) {
            return table.keyOf(key);
        }

        @Override
        ItemKey hashStart(long unsignedHash) {
            return new ItemKey((int) unsignedHash, LOWEST_PARTITION, null, -1);
        }

        @Override
        Bound<ItemKey> partitionStart(AttrValue partition) {
            return new Bound<>(ItemKey.partitionStart(partition), true);
        }

        @Override
        Bound<ItemKey> partitionEnd(AttrValue partition) {
            return new Bound<>(ItemKey.partitionEnd(partition), true);
        }

        @Override
        Bound<ItemKey> from(AttrValue partition, AttrValue sort, boolean inclusive) {
            return new Bound<>(ItemKey.of(partition, sort), inclusive);
        }

        @Override
        Bound<ItemKey> to(AttrValue partition, AttrValue sort, boolean inclusive) {
            return new Bound<>(ItemKey.of(partition, sort), inclusive);
        }
    }

    /** A secondary index's entries; bounds fall between entries, so inclusiveness does not matter. */
    static final class IndexEntries extends ReadTarget<IndexKey> {
        private final IndexStore store;

        IndexEntries(Table table, IndexStore store) {
            super(table);
            this.store = store;
        }

        @Override
        NavigableMap<IndexKey, Item> map() {
            return store.entries();
        }

        @Override
        KeySchema keySchema() {
            return store.definition().keySchema();
        }

        @Override
        IndexDefinition index() {
            return store.definition();
        }

        @Override
        IndexKey startKey(Map<String, AttrValue> key) {
            return store.keyOf(table.keyOf(key), key);
        }

        @Override
        IndexKey hashStart(long unsignedHash) {
            return IndexKey.hashStart((int) unsignedHash);
        }

        @Override
        Bound<IndexKey> partitionStart(AttrValue partition) {
            return new Bound<>(IndexKey.partitionBound(partition, -1), true);
        }

        @Override
        Bound<IndexKey> partitionEnd(AttrValue partition) {
            return new Bound<>(IndexKey.partitionBound(partition, 1), true);
        }

        @Override
        Bound<IndexKey> from(AttrValue partition, AttrValue sort, boolean inclusive) {
            return new Bound<>(IndexKey.sortBound(partition, sort, inclusive ? -1 : 1), true);
        }

        @Override
        Bound<IndexKey> to(AttrValue partition, AttrValue sort, boolean inclusive) {
            return new Bound<>(IndexKey.sortBound(partition, sort, inclusive ? 1 : -1), true);
        }
    }
}
