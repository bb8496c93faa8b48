package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * ReturnItemCollectionMetrics=SIZE: for a table with local secondary indexes, the item collection (all
 * items sharing a partition key, with their LSI entries) a write touched and an estimate of its size in GB
 * as a [lower, upper] range. DynamoDB answers nothing for tables without LSIs.
 *
 * @param partitionKeyName the table's partition key attribute
 * @param partitionKey     the collection's partition key value
 * @param sizeBytes        table items plus LSI entries of the collection, after the write
 */
public record ItemCollectionMetrics(String partitionKeyName, AttrValue partitionKey, long sizeBytes) {
    private static final double GIGABYTE = 1024.0 * 1024 * 1024;

    /** Whether the request asked for item collection metrics. */
    public static boolean requested(JsonNode request) {
        JsonNode value = request.get("ReturnItemCollectionMetrics");
        return value != null && "SIZE".equals(value.textValue());
    }

    /** The metrics of the collection {@code key} belongs to, or null when the table has no LSI. */
    public static ItemCollectionMetrics of(Table table, ItemKey key) {
        TableDefinition definition = table.definition();
        if (definition.localIndexes().isEmpty()) return null;
        long size = 0;
        for (Item item : table.items().subMap(ItemKey.partitionStart(key.partition()), ItemKey.partitionEnd(key.partition())).values()) {
            size += item.size();
            for (IndexDefinition index : definition.localIndexes()) {
                Map<String, AttrValue> entry = ConsumedCapacity.indexEntry(definition, index, item);
                if (entry != null) size += ItemSize.of(entry);
            }
        }
        return new ItemCollectionMetrics(definition.hashKeyName(), key.partition(), size);
    }

    /** The estimate as DynamoDB gives it: whole gigabytes around the size, e.g. [0.0, 1.0] below 1 GB. */
    public double[] sizeEstimateRangeGb() {
        double lower = Math.floor(sizeBytes / GIGABYTE);
        return new double[]{lower, lower + 1};
    }

    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName("ItemCollectionKey");
        AttrValueJson.writeItem(g, Map.of(partitionKeyName, partitionKey));
        g.writeArrayFieldStart("SizeEstimateRangeGB");
        for (double bound : sizeEstimateRangeGb()) g.writeNumber(bound);
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The multi-table form (BatchWriteItem, TransactWriteItems): an "ItemCollectionMetrics" field keyed by table. */
    public static void writeByTableField(JsonGenerator g, Map<String, List<ItemCollectionMetrics>> byTable) throws IOException {
        if (byTable.isEmpty()) return;
        g.writeObjectFieldStart("ItemCollectionMetrics");
        for (Map.Entry<String, List<ItemCollectionMetrics>> table : byTable.entrySet()) {
            g.writeArrayFieldStart(table.getKey());
            for (ItemCollectionMetrics collection : table.getValue()) collection.write(g);
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
