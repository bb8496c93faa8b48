package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entries of one secondary index: for every table item that has the index's key attributes (with the
 * declared types), the item's projection, ordered by {@link IndexKey}. Items without them are absent
 * (sparse indexes). Updated by {@link TableIndexes} in the same commit that changes the table.
 */
public final class IndexStore {
    private final IndexDefinition definition;
    private final KeySchema tableKeySchema;
    private final ConcurrentSkipListMap<IndexKey, Item> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();

    IndexStore(IndexDefinition definition, KeySchema tableKeySchema) {
        this.definition = definition;
        this.tableKeySchema = tableKeySchema;
    }

    /** The index as declared when this store was made: its key schema and projection (read status from the table's definition). */
    public IndexDefinition definition() {
        return definition;
    }

    /** All entries in index order; a live, weakly consistent view. */
    public NavigableMap<IndexKey, Item> entries() {
        return entries;
    }

    public long itemCount() {
        return itemCount.get();
    }

    /** Total size of the projected items, what DescribeTable reports as IndexSizeBytes. */
    public long sizeBytes() {
        return sizeBytes.get();
    }

    /** True when this store was built for an index with the same key schema and projection. */
    boolean serves(IndexDefinition other) {
        return definition.keySchema().equals(other.keySchema())
                && definition.projectionType().equals(other.projectionType())
                && Objects.equals(definition.nonKeyAttributes(), other.nonKeyAttributes());
    }

    /** The entry key of {@code item} in this index, or null when the item is not indexed (sparse). */
    public IndexKey keyOf(ItemKey tableKey, Map<String, AttrValue> item) {
        KeySchema schema = definition.keySchema();
        AttrValue partition = typedValue(item, schema.hash());
        if (partition == null) return null;
        AttrValue sort = null;
        if (schema.range() != null) {
            sort = typedValue(item, schema.range());
            if (sort == null) return null;
        }
        return IndexKey.entry(partition, sort, tableKey);
    }

    private static AttrValue typedValue(Map<String, AttrValue> item, KeyElement element) {
        AttrValue value = item.get(element.name());
        return value != null && value.type().equals(element.attributeType()) ? value : null;
    }

    /** Replaces the entry of the table item at {@code tableKey}: {@code oldItem} was stored, {@code newItem} now is. */
    void apply(ItemKey tableKey, Item oldItem, Item newItem) {
        IndexKey newKey = newItem == null ? null : keyOf(tableKey, newItem.attributes());
        IndexKey oldKey = oldItem == null ? null : keyOf(tableKey, oldItem.attributes());
        if (oldKey != null && !oldKey.equals(newKey)) account(null, entries.remove(oldKey));
        if (newKey != null) {
            Item projected = project(newItem);
            account(projected, entries.put(newKey, projected));
        }
    }

    private void account(Item added, Item removed) {
        long countDelta = (added == null ? 0 : 1) - (removed == null ? 0 : 1);
        long sizeDelta = (added == null ? 0 : added.size()) - (removed == null ? 0 : removed.size());
        if (countDelta != 0) itemCount.addAndGet(countDelta);
        if (sizeDelta != 0) sizeBytes.addAndGet(sizeDelta);
    }

    /** The attributes this index keeps of an item: all, or the table and index keys plus INCLUDE's list. */
    public Item project(Item item) {
        if ("ALL".equals(definition.projectionType())) return item;
        Map<String, AttrValue> projected = new LinkedHashMap<>();
        for (Map.Entry<String, AttrValue> attribute : item.attributes().entrySet()) {
            if (isProjected(attribute.getKey())) projected.put(attribute.getKey(), attribute.getValue());
        }
        return Item.of(projected);
    }

    /** Whether the index keeps this top-level attribute. */
    public boolean isProjected(String attribute) {
        if ("ALL".equals(definition.projectionType())) return true;
        if (tableKeySchema.isKeyAttribute(attribute) || definition.keySchema().isKeyAttribute(attribute)) return true;
        return "INCLUDE".equals(definition.projectionType())
                && definition.nonKeyAttributes() != null && definition.nonKeyAttributes().contains(attribute);
    }
}
