package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.TableDefinition;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Capacity units one request consumed on one table, as DynamoDB counts them: a read is one unit per 4 KB
 * of item (half for an eventually consistent read, one unit for a missing item); a write is one unit per
 * KB of the larger of the old and the new item (at least one); every secondary index an item enters,
 * leaves, changes key in or changes projected attributes in costs index writes on top (GSI.html#GSI.Writes).
 * Immutable; batches add them up with {@link #plus}.
 *
 * @param table          units on the table itself
 * @param globalIndexes  units per global secondary index (only those touched), in declaration order
 * @param localIndexes   units per local secondary index (only those touched), in declaration order
 */
public record ConsumedCapacity(String tableName, double table, Map<String, Double> globalIndexes,
                               Map<String, Double> localIndexes) {
    private static final int READ_UNIT_BYTES = 4 * 1024;
    private static final int WRITE_UNIT_BYTES = 1024;

    public ConsumedCapacity {
        globalIndexes = frozen(globalIndexes);
        localIndexes = frozen(localIndexes);
    }

    /** An unmodifiable copy; the usual empty one (a table without indexes) is shared rather than copied. */
    private static Map<String, Double> frozen(Map<String, Double> units) {
        return units.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /** What ReturnConsumedCapacity asked for. */
    public enum Mode {
        NONE, TOTAL, INDEXES;

        /** The mode of a request's (or a nested request's) ReturnConsumedCapacity member; NONE when absent. */
        public static Mode of(JsonNode request) {
            JsonNode value = request.get("ReturnConsumedCapacity");
            return value == null ? NONE : Mode.valueOf(value.textValue());
        }
    }

    /** Nothing consumed yet on {@code tableName}: the start of a batch's sum. */
    public static ConsumedCapacity none(String tableName) {
        return new ConsumedCapacity(tableName, 0, Map.of(), Map.of());
    }

    /** GetItem and BatchGetItem: one item (or none) read from the table. */
    public static ConsumedCapacity read(String tableName, Item item, boolean consistent) {
        return new ConsumedCapacity(tableName, readUnits(item == null ? 0 : item.size(), consistent), Map.of(), Map.of());
    }

    /** Read units for {@code bytes} read in one go (one item, or a Query/Scan page): at least one unit. */
    public static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES));
        return consistent ? units : units / 2;
    }

    /** A write replacing {@code oldItem} (null when absent) by {@code newItem} (null for a delete). */
    public static ConsumedCapacity write(TableDefinition definition, Item oldItem, Item newItem) {
        long tableUnits = Math.max(1, Math.max(writeUnits(oldItem), writeUnits(newItem)));
        return new ConsumedCapacity(definition.name(), tableUnits,
                indexWrites(definition, definition.globalIndexes(), oldItem, newItem),
                indexWrites(definition, definition.localIndexes(), oldItem, newItem));
    }

    /** The sum of two consumptions on the same table (batches report one entry per table). */
    public ConsumedCapacity plus(ConsumedCapacity other) {
        return new ConsumedCapacity(tableName, table + other.table, sum(globalIndexes, other.globalIndexes),
                sum(localIndexes, other.localIndexes));
    }

    /** Table plus every index: the CapacityUnits DynamoDB reports. */
    public double total() {
        double total = table;
        for (double units : globalIndexes.values()) total += units;
        for (double units : localIndexes.values()) total += units;
        return total;
    }

    /** Writes the ConsumedCapacity object: TOTAL gives name and total, INDEXES adds the breakdown. */
    public void write(JsonGenerator g, Mode mode) throws IOException {
        g.writeStartObject();
        g.writeStringField("TableName", tableName);
        g.writeNumberField("CapacityUnits", total());
        if (mode == Mode.INDEXES) {
            g.writeObjectFieldStart("Table");
            g.writeNumberField("CapacityUnits", table);
            g.writeEndObject();
            writeIndexes(g, "LocalSecondaryIndexes", localIndexes);
            writeIndexes(g, "GlobalSecondaryIndexes", globalIndexes);
        }
        g.writeEndObject();
    }

    /** Writes {@code "ConsumedCapacity": {...}} unless the request asked for none. */
    public static void writeField(JsonGenerator g, Mode mode, ConsumedCapacity capacity) throws IOException {
        if (mode == Mode.NONE) return;
        g.writeFieldName("ConsumedCapacity");
        capacity.write(g, mode);
    }

    /** Writes {@code "ConsumedCapacity": [...]}, one entry per table, unless the request asked for none. */
    public static void writeListField(JsonGenerator g, Mode mode, List<ConsumedCapacity> capacities) throws IOException {
        if (mode == Mode.NONE) return;
        g.writeArrayFieldStart("ConsumedCapacity");
        for (ConsumedCapacity capacity : capacities) capacity.write(g, mode);
        g.writeEndArray();
    }

    private static void writeIndexes(JsonGenerator g, String field, Map<String, Double> indexes) throws IOException {
        if (indexes.isEmpty()) return;
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> index : indexes.entrySet()) {
            g.writeObjectFieldStart(index.getKey());
            g.writeNumberField("CapacityUnits", index.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * Index writes for one change, from the index definitions alone (so it holds whether or not index
     * entries are stored): entering or leaving a sparse index is one write of the projected item, a changed
     * index key is a delete plus a put, a changed projection under the same key is one write.
     */
    private static Map<String, Double> indexWrites(TableDefinition definition, List<IndexDefinition> indexes,
                                                   Item oldItem, Item newItem) {
        if (indexes.isEmpty()) return Map.of(); // most tables: no map per write
        Map<String, Double> writes = new LinkedHashMap<>();
        for (IndexDefinition index : indexes) {
            Map<String, AttrValue> oldEntry = indexEntry(definition, index, oldItem);
            Map<String, AttrValue> newEntry = indexEntry(definition, index, newItem);
            long units;
            if (oldEntry == null && newEntry == null) units = 0;
            else if (oldEntry == null) units = entryUnits(newEntry);
            else if (newEntry == null) units = entryUnits(oldEntry);
            else if (!sameIndexKey(index, oldEntry, newEntry)) units = entryUnits(oldEntry) + entryUnits(newEntry);
            else units = oldEntry.equals(newEntry) ? 0 : entryUnits(newEntry);
            if (units > 0) writes.put(index.name(), (double) units);
        }
        return writes;
    }

    /**
     * The attributes an index holds for {@code item} (table key, index key and projected attributes), or
     * null when the item lacks an index key attribute and so is not in that sparse index.
     */
    static Map<String, AttrValue> indexEntry(TableDefinition definition, IndexDefinition index, Item item) {
        if (item == null || !Keys.inIndex(item.attributes(), index)) return null;
        if ("ALL".equals(index.projectionType())) return item.attributes();
        Map<String, AttrValue> entry = new LinkedHashMap<>();
        for (KeyElement element : definition.keySchema().elements()) entry.put(element.name(), item.get(element.name()));
        for (KeyElement element : index.keySchema().elements()) entry.put(element.name(), item.get(element.name()));
        if (index.nonKeyAttributes() != null) {
            for (String name : index.nonKeyAttributes()) {
                AttrValue value = item.get(name);
                if (value != null) entry.put(name, value);
            }
        }
        return entry;
    }

    private static boolean sameIndexKey(IndexDefinition index, Map<String, AttrValue> a, Map<String, AttrValue> b) {
        for (KeyElement element : index.keySchema().elements()) {
            if (!Objects.equals(a.get(element.name()), b.get(element.name()))) return false;
        }
        return true;
    }

    private static long entryUnits(Map<String, AttrValue> entry) {
        return Math.max(1, ceilDiv(ItemSize.of(entry), WRITE_UNIT_BYTES));
    }

    private static long writeUnits(Item item) {
        return item == null ? 0 : ceilDiv(item.size(), WRITE_UNIT_BYTES);
    }

    private static long ceilDiv(long bytes, int unit) {
        return (bytes + unit - 1) / unit;
    }

    private static Map<String, Double> sum(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> total = new LinkedHashMap<>(a);
        b.forEach((name, units) -> total.merge(name, units, Double::sum));
        return total;
    }
}
