package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.Transaction;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.validation.Shape.fieldStruct;
import static io.dynamoid.emulator.validation.Shape.map;
import static io.dynamoid.emulator.validation.Shape.parameterizedList;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. Every request is validated (values, sizes,
 * tables, keys, duplicates) before anything is written; then all writes are applied under their keys' locks
 * and committed as one group (no condition is checked: a batch is not a transaction). Nothing is ever left
 * unprocessed. Validation
 * follows dynalite's {@code validations/batchWriteItem.js} and {@code actions/batchWriteItem.js}.
 */
public final class BatchWriteItem implements Operation {
    static final int MAX_REQUESTS = 25;

    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("ReturnItemCollectionMetrics", Items.returnItemCollectionMetricsMember())
            .with("RequestItems", map("java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>",
                    parameterizedList(valueStruct("WriteRequest")
                            .with("DeleteRequest", fieldStruct("DeleteRequest").with("Key", Items.attributeMapMember().notNull()))
                            .with("PutRequest", fieldStruct("PutRequest").with("Item", Items.attributeMapMember().notNull()))))
                    .notNull().minLength(1).keys(Items.requestItemsTableNames())
                    .values(string().maxLength(MAX_REQUESTS).minLength(1)));

    /** One PutRequest (its item) or DeleteRequest (its key, and a null item). */
    private record WriteRequest(Item item, Map<String, AttrValue> key) {
    }

    /**
     * Applies every write of the batch under all their keys' locks and commits them as one group, so
     * persistence and streams see the batch whole (one log record, one fsync). DynamoDB does not promise
     * batch atomicity; we give it because it costs nothing here. Returns the replaced items, in order.
     */
    private static List<Item> applyAsOneGroup(List<Write> writes, RequestContext context) {
        List<Transaction.Target> targets = new ArrayList<>(writes.size());
        for (Write write : writes) targets.add(new Transaction.Target(write.table(), write.key()));
        return Transaction.locked(targets, () -> {
            List<Item> olds = new ArrayList<>(writes.size());
            List<Change> changes = new ArrayList<>(writes.size());
            for (Write write : writes) {
                Item current = write.table().get(write.key());
                olds.add(current);
                // deleting an absent item changes nothing, so nothing is committed for it
                if (current != null || write.newItem() != null) {
                    changes.add(new Change(write.table(), write.key(), current, write.newItem()));
                }
            }
            context.database().commitGroup(changes);
            return olds;
        });
    }

    /** One validated write, ready to apply. */
    private record Write(Table table, ItemKey key, Item newItem) {
    }

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        Map<String, List<WriteRequest>> requested = validateRequest(request.get("RequestItems"), context);

        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, List<WriteRequest>> part : requested.entrySet()) {
            Table table = Items.activeTable(context, part.getKey());
            Set<ItemKey> seen = new HashSet<>();
            for (WriteRequest write : part.getValue()) {
                ItemKey key = write.item() != null ? Keys.validateBatchItem(write.item().attributes(), table) : Keys.validateKey(write.key(), table);
                if (!seen.add(key)) throw Errors.validation("Provided list of item keys contains duplicates");
                writes.add(new Write(table, key, write.item()));
            }
        }

        List<Item> olds = applyAsOneGroup(writes, context);
        Map<Table, ConsumedCapacity> capacities = new LinkedHashMap<>();
        Map<Table, Set<ItemKey>> collections = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            Table table = write.table();
            Item old = olds.get(i);
            capacities.merge(table, ConsumedCapacity.write(table.definition(), old, write.newItem()), ConsumedCapacity::plus);
            collections.computeIfAbsent(table, unused -> new LinkedHashSet<>()).add(ItemKey.partitionStart(write.key().partition()));
        }

        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        Map<String, List<ItemCollectionMetrics>> metrics = ItemCollectionMetrics.requested(request) ? collectionMetrics(collections) : Map.of();
        List<ConsumedCapacity> consumed = List.copyOf(capacities.values());
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("UnprocessedItems");
            g.writeEndObject();
            ConsumedCapacity.writeListField(g, mode, consumed);
            ItemCollectionMetrics.writeByTableField(g, metrics);
            g.writeEndObject();
        };
    }

    /**
     * The custom validation, before any table is looked up: every request names exactly one of PutRequest
     * and DeleteRequest, its values are valid, and a put item is within the size limit.
     */
    private static Map<String, List<WriteRequest>> validateRequest(JsonNode requestItems, RequestContext context) {
        Map<String, List<WriteRequest>> requested = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> entry = tables.next();
            for (JsonNode write : entry.getValue()) {
                if (write == null || write.isNull() || write.size() != 1) {
                    // DynamoDB's (odd) wording for a WriteRequest that is not exactly one request (dynalite's tests).
                    throw Errors.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
            }
            List<WriteRequest> writes = new ArrayList<>();
            for (JsonNode write : entry.getValue()) {
                if (write.has("PutRequest")) {
                    Item item = Item.of(Items.readAttributes(write.get("PutRequest").get("Item")));
                    Items.checkItemSize(item, context);
                    writes.add(new WriteRequest(item, null));
                } else {
                    writes.add(new WriteRequest(null, Items.readAttributes(write.get("DeleteRequest").get("Key"))));
                }
            }
            requested.put(entry.getKey(), writes);
        }
        return requested;
    }

    /** One entry per item collection written to, for the tables that have local secondary indexes. */
    private static Map<String, List<ItemCollectionMetrics>> collectionMetrics(Map<Table, Set<ItemKey>> collections) {
        Map<String, List<ItemCollectionMetrics>> metrics = new LinkedHashMap<>();
        collections.forEach((table, partitions) -> {
            for (ItemKey partition : partitions) {
                ItemCollectionMetrics collection = ItemCollectionMetrics.of(table, partition);
                if (collection != null) metrics.computeIfAbsent(table.name(), unused -> new ArrayList<>()).add(collection);
            }
        });
        return metrics;
    }
}
