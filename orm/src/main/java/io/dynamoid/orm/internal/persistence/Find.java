package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.client.Failures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads by key: GetItem for one, BatchGetItem for many (in the order asked), Scan for all; each returning whole
 * items or a {@link Selection} of attributes.
 */
public final class Find {
    private Find() {
    }

    /** The item with this key, or null. */
    public static Map<String, AttributeValue> one(Engine engine, ModelMapping mapping, Map<String, AttributeValue> key,
                                                  boolean consistent, Selection selection) {
        GetItemResponse r;
        try {
            r = engine.client().getItem(b -> b.tableName(mapping.tableName()).key(key).consistentRead(consistent)
                    .projectionExpression(selection.expression()).expressionAttributeNames(selection.names()));
        } catch (SdkException e) {
            throw Failures.of("GetItem", mapping.tableName(), e);
        }
        return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
    }

    public static Map<String, AttributeValue> one(Engine engine, ModelMapping mapping, Map<String, AttributeValue> key, boolean consistent) {
        return one(engine, mapping, key, consistent, Selection.ALL);
    }

    /** Whether an item has this key; reads only the key attributes. */
    public static boolean exists(Engine engine, ModelMapping mapping, Map<String, AttributeValue> key, boolean consistent) {
        return one(engine, mapping, key, consistent, Selection.of(key.keySet())) != null;
    }

    /**
     * The items with these keys, in the order of the keys; a missing item is a null in the list. Duplicate keys
     * are read once. A selection must include the key attributes.
     */
    public static List<Map<String, AttributeValue>> many(Engine engine, ModelMapping mapping, List<Map<String, AttributeValue>> keys,
                                                         boolean consistent, Selection selection) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        keys.forEach(k -> byKey.put(k, null));
        for (Map<String, AttributeValue> item : Batches.get(engine, mapping.tableName(), new ArrayList<>(byKey.keySet()), consistent, selection)) {
            byKey.put(mapping.keyOfItem(item), item);
        }
        List<Map<String, AttributeValue>> result = new ArrayList<>(keys.size());
        keys.forEach(k -> result.add(byKey.get(k)));
        return result;
    }

    /** Every item of the table, page by page. The caller has checked the scan policy. */
    public static void scan(Engine engine, ModelMapping mapping, boolean consistent, Selection selection,
                            Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page;
            try {
                page = engine.client().scan(ScanRequest.builder().tableName(mapping.tableName()).consistentRead(consistent)
                        .projectionExpression(selection.expression()).expressionAttributeNames(selection.names())
                        .exclusiveStartKey(from).build());
            } catch (SdkException e) {
                throw Failures.of("Scan", mapping.tableName(), e);
            }
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** The key of every item of the table (for emptying it). */
    public static void scanKeys(Engine engine, ModelMapping mapping, Consumer<Map<String, AttributeValue>> each) {
        scan(engine, mapping, false, Selection.of(mapping.keyNames()), each);
    }
}
