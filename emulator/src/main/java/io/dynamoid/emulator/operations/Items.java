package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.Shape;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.attributeValueField;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.map;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * What the item operations share: their request members' shapes (ported from dynalite's
 * {@code validations/*.js}, each a fresh {@link Shape} since shapes are built mutably), the tables they may
 * use, and the value checks every written item gets.
 */
public final class Items {
    private Items() {
    }

    // ---------------------------------------------------------------- request members

    /** TableName of item operations: constraints collected with the others (dynalite's tests); ARNs accepted. */
    public static Shape tableNameMember() {
        return string().notNull().regex("[a-zA-Z0-9_.-]+").minLength(3).maxLength(255).orTableArn();
    }

    /** The constraints on each table name keying a batch's RequestItems, in the order DynamoDB reports them. */
    public static Shape requestItemsTableNames() {
        return string().maxLength(255).minLength(3).regex("[a-zA-Z0-9_.-]+");
    }

    public static Shape returnConsumedCapacityMember() {
        return string().oneOf("INDEXES", "TOTAL", "NONE");
    }

    public static Shape returnItemCollectionMetricsMember() {
        return string().oneOf("SIZE", "NONE");
    }

    public static Shape returnValuesMember() {
        return string().oneOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
    }

    public static Shape returnValuesOnConditionCheckFailureMember() {
        return string().oneOf("ALL_OLD", "NONE");
    }

    /** An Item, a Key or ExpressionAttributeValues: attribute name → AttributeValue. */
    public static Shape attributeMapMember() {
        return map("AttributeValue", attributeValue());
    }

    public static Shape conditionalOperatorMember() {
        return string().oneOf("OR", "AND");
    }

    /** The legacy Expected conditions (evaluated by the expressions package). */
    public static Shape expectedMember() {
        return map("ExpectedAttributeValue", valueStruct("ExpectedAttributeValue")
                .with("AttributeValueList", list(attributeValue()))
                .with("ComparisonOperator", string().oneOf("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT",
                        "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"))
                .with("Exists", bool())
                .with("Value", attributeValueField()));
    }

    public static Shape expressionAttributeNamesMember() {
        return map("java.lang.String", string());
    }

    public static Shape attributesToGetMember() {
        return list(string()).minLength(1).maxLength(255);
    }

    // ---------------------------------------------------------------- tables

    /**
     * The table an item operation works on. A table still being created or being deleted is "not found"
     * for item operations, as in DynamoDB (dynalite's {@code getTable} with its status check).
     */
    public static Table activeTable(RequestContext context, String nameOrArn) {
        Table table = context.table(nameOrArn);
        String status = table.definition().status();
        if ("CREATING".equals(status) || "DELETING".equals(status)) throw Errors.tableNotFound();
        return table;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Applies one put ({@code newItem}) or delete (null) under the key's lock, once {@code precondition}
     * has accepted the current item (or null) — it throws to refuse, e.g. ConditionalCheckFailedException.
     * Deleting a missing item changes nothing. Returns the item replaced or deleted, or null.
     */
    public static Item write(Table table, ItemKey key, Item newItem, Consumer<Item> precondition) {
        return table.locked(key, () -> {
            Item current = table.get(key);
            precondition.accept(current);
            return newItem == null && current == null ? null : table.commit(key, newItem);
        });
    }

    /** An unconditional {@link #write}. */
    public static Item write(Table table, ItemKey key, Item newItem) {
        return write(table, key, newItem, current -> {
        });
    }

    // ---------------------------------------------------------------- values

    /** Reads a map of attribute values (absent → empty), answering DynamoDB's value messages. */
    public static Map<String, AttrValue> readAttributes(JsonNode map) {
        return map == null ? Map.of() : AttrValueJson.readItem(map);
    }

    /** PutItem and DeleteItem return only the old item, if anything. */
    public static void checkReturnValuesAllOldOrNone(JsonNode request) {
        JsonNode returnValues = request.get("ReturnValues");
        if (returnValues != null && !returnValues.textValue().equals("ALL_OLD") && !returnValues.textValue().equals("NONE")) {
            throw Errors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
    }

    public static boolean returnsAllOld(JsonNode request) {
        JsonNode returnValues = request.get("ReturnValues");
        return returnValues != null && returnValues.textValue().equals("ALL_OLD");
    }

    /** The 400 KB limit, counted as DynamoDB counts ({@link ItemSize}). */
    public static void checkItemSize(Item item, RequestContext context) {
        if (item.size() > context.settings().maxItemSizeBytes()) {
            throw Errors.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** AttributesToGet must not name an attribute twice. */
    public static void checkNoDuplicateAttributesToGet(JsonNode attributesToGet) {
        if (attributesToGet == null) return;
        Set<String> seen = new HashSet<>();
        for (JsonNode name : attributesToGet) {
            if (!seen.add(name.textValue())) {
                throw Errors.validation("One or more parameter values were invalid: Duplicate value in attribute name: " + name.textValue());
            }
        }
    }

    /** The attributes named in AttributesToGet that the item has (all of them when absent), in item order. */
    public static Map<String, AttrValue> project(Map<String, AttrValue> item, JsonNode attributesToGet) {
        if (attributesToGet == null) return item;
        Set<String> wanted = new HashSet<>();
        for (JsonNode name : attributesToGet) wanted.add(name.textValue());
        Map<String, AttrValue> projected = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (wanted.contains(name)) projected.put(name, value);
        });
        return projected;
    }

    // ---------------------------------------------------------------- responses

    /**
     * The answer of a single-item write: the returned attributes (null for none), ConsumedCapacity as asked,
     * and ItemCollectionMetrics (null for none).
     */
    public static Response writeResponse(Map<String, AttrValue> attributes, ConsumedCapacity.Mode mode,
                                         ConsumedCapacity capacity, ItemCollectionMetrics metrics) {
        return g -> {
            g.writeStartObject();
            if (attributes != null) {
                g.writeFieldName("Attributes");
                AttrValueJson.writeItem(g, attributes);
            }
            ConsumedCapacity.writeField(g, mode, capacity);
            if (metrics != null) {
                g.writeFieldName("ItemCollectionMetrics");
                metrics.write(g);
            }
            g.writeEndObject();
        };
    }
}
