package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: items are evaluated in order until Limit items
 * were evaluated or the page holds 1 MB; the filter applies after that (so Limit and the 1 MB count
 * evaluated items, not returned ones); then the projection. When the page stopped on Limit or size,
 * LastEvaluatedKey names the last evaluated item, even if nothing follows it.
 *
 * @param items             the returned items (filtered, projected)
 * @param scannedCount      items evaluated
 * @param lastEvaluatedKey  where the next page starts, or null when the read is complete
 * @param tableBytes        size of the table items read, for consumed capacity
 * @param indexBytes        size of the index entries read, for consumed capacity
 */
record ReadPage(List<Map<String, AttrValue>> items, int scannedCount, Map<String, AttrValue> lastEvaluatedKey,
                long tableBytes, long indexBytes) {

    /**
     * @param source         entries in read order (table items or index entries)
     * @param limit          the request's Limit, or null
     * @param onIndex        whether {@code source} holds index entries (capacity is then the index's)
     * @param fetch          for a local index whose projection lacks what was asked: the table item of an
     *                       entry (read from the table, as DynamoDB does); null otherwise
     * @param tableRangeKey  the table's sort key name (for the page size), or null
     * @param startKeyNames  the attributes of LastEvaluatedKey
     */
    static ReadPage read(Iterator<Item> source, Integer limit, boolean onIndex, UnaryOperator<Item> fetch,
                         String tableRangeKey, List<String> startKeyNames,
                         Predicate<Map<String, AttrValue>> filter, UnaryOperator<Map<String, AttrValue>> projection) {
        List<Map<String, AttrValue>> items = new ArrayList<>();
        int scanned = 0;
        long pageBytes = 0;
        long tableBytes = 0;
        long indexBytes = 0;
        Item last = null;
        while (source.hasNext()) {
            if ((limit != null && scanned >= limit) || pageBytes >= PageSize.PAGE_LIMIT_BYTES) break;
            Item entry = source.next();
            Item item = entry;
            if (onIndex) indexBytes += entry.size();
            if (fetch != null) {
                item = fetch.apply(entry);
                if (item == null) continue; // deleted between reading the index and the table
                tableBytes += item.size();
            } else if (!onIndex) {
                tableBytes += entry.size();
            }
            scanned++;
            last = entry;
            pageBytes += PageSize.of(item.attributes(), tableRangeKey);
            if (filter.test(item.attributes())) items.add(projection.apply(item.attributes()));
        }
        boolean stopped = (limit != null && scanned >= limit) || pageBytes >= PageSize.PAGE_LIMIT_BYTES;
        Map<String, AttrValue> lastKey = null;
        if (stopped && last != null) {
            lastKey = new LinkedHashMap<>();
            for (String name : startKeyNames) lastKey.put(name, last.get(name));
        }
        return new ReadPage(items, scanned, lastKey, tableBytes, indexBytes);
    }

    /**
     * The read capacity of this page: the bytes of each part read (table, index), rounded up to 4 KB
     * once per part, at least one unit for the part the request reads (halved when eventually consistent).
     * A query on an index reads the table only for what the index does not project.
     */
    ConsumedCapacity capacity(String tableName, IndexDefinition index, boolean consistent) {
        if (index == null) {
            return new ConsumedCapacity(tableName, ConsumedCapacity.readUnits(tableBytes, consistent), Map.of(), Map.of());
        }
        double tableUnits = tableBytes > 0 ? ConsumedCapacity.readUnits(tableBytes, consistent) : 0;
        Map<String, Double> indexUnits = Map.of(index.name(), ConsumedCapacity.readUnits(indexBytes, consistent));
        return new ConsumedCapacity(tableName, tableUnits, index.global() ? indexUnits : Map.of(),
                index.global() ? Map.of() : indexUnits);
    }
}
