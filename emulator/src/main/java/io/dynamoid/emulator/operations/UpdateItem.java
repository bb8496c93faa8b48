package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.AttributeUpdates;
import io.dynamoid.emulator.expressions.ConditionExpression;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.ItemKeys;
import io.dynamoid.emulator.expressions.LegacyConditions;
import io.dynamoid.emulator.expressions.Projection;
import io.dynamoid.emulator.expressions.UpdateExpression;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.attributeValueField;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.map;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * UpdateItem: edits one item (creating it when absent) with an UpdateExpression or legacy
 * AttributeUpdates, under a ConditionExpression or legacy Expected. Validation follows dynalite's
 * {@code validations/updateItem.js} and {@code db.validateUpdates}; the read-check-write runs under the
 * key's lock and commits once.
 */
public final class UpdateItem implements Operation {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ReturnConsumedCapacity", string().oneOf("INDEXES", "TOTAL", "NONE"))
            .with("TableName", string().notNull().regex("[a-zA-Z0-9_.-]+").minLength(3).maxLength(255))
            .with("ReturnItemCollectionMetrics", string().oneOf("SIZE", "NONE"))
            .with("ReturnValues", string().oneOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"))
            .with("Key", map("AttributeValue", attributeValue()).notNull())
            .with("ConditionalOperator", string().oneOf("OR", "AND"))
            .with("Expected", map("ExpectedAttributeValue", valueStruct("ExpectedAttributeValue")
                    .with("AttributeValueList", list(attributeValue()))
                    .with("ComparisonOperator", string().oneOf("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT",
                            "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"))
                    .with("Exists", bool())
                    .with("Value", attributeValueField())))
            .with("AttributeUpdates", map("AttributeValueUpdate", valueStruct("AttributeValueUpdate")
                    .with("Action", string().oneOf("ADD", "PUT", "DELETE"))
                    .with("Value", attributeValueField())))
            .with("ConditionExpression", string())
            .with("UpdateExpression", string())
            .with("ExpressionAttributeValues", map("AttributeValue", attributeValue()))
            .with("ExpressionAttributeNames", map("java.lang.String", string()))
            .with("ReturnValuesOnConditionCheckFailure", string().oneOf("ALL_OLD", "NONE"));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        Expressions.checkParameters(request, List.of("UpdateExpression", "ConditionExpression"),
                List.of("AttributeUpdates", "Expected"));
        Map<String, AttrValue> key = ItemKeys.read(request.get("Key"));
        AttributeUpdates attributeUpdates = AttributeUpdates.read(request.get("AttributeUpdates"));
        LegacyConditions.checkExpected(request.get("Expected"));
        Expressions.Compiled expressions = Expressions.compile(request);
        UpdateExpression update = expressions.update();
        ConditionExpression condition = expressions.condition() != null ? expressions.condition()
                : LegacyConditions.expected(request.get("Expected"), request.get("ConditionalOperator"));

        Table table = context.table(request.get("TableName").textValue());
        TableDefinition definition = table.definition();
        ItemKeys.check(key, definition.keySchema(), definition.attributeDefinitions());
        checkUpdates(definition, update, attributeUpdates);
        Map<String, String> indexKeyTypes = indexKeyTypes(definition);
        ItemKey itemKey = table.keyOf(key);
        String returnValues = text(request, "ReturnValues", "NONE");
        boolean returnOldOnFailure = "ALL_OLD".equals(text(request, "ReturnValuesOnConditionCheckFailure", "NONE"));
        int maxItemSize = context.settings().maxItemSizeBytes();

        return table.locked(itemKey, () -> {
            Item old = table.get(itemKey);
            Map<String, AttrValue> oldAttributes = old == null ? null : old.attributes();
            if (condition != null && !condition.matches(oldAttributes)) {
                DynamoException failed = Errors.conditionalCheckFailed(null);
                throw returnOldOnFailure && old != null ? failed.withItem(oldAttributes) : failed;
            }
            Map<String, AttrValue> base = old == null ? key : oldAttributes;
            Map<String, AttrValue> updated = update != null ? update.apply(base, indexKeyTypes)
                    : attributeUpdates != null ? attributeUpdates.apply(base) : base;
            Item item = Item.of(updated);
            if (item.size() > maxItemSize) {
                throw Errors.validation("Item size to update has exceeded the maximum allowed size");
            }
            table.commit(itemKey, item);
            Projection updatedPaths = Projection.of(update != null ? update.paths()
                    : attributeUpdates != null ? attributeUpdates.paths() : List.of());
            Map<String, AttrValue> attributes = switch (returnValues) {
                case "ALL_OLD" -> oldAttributes;
                case "UPDATED_OLD" -> old == null ? null : updatedPaths.apply(oldAttributes);
                case "ALL_NEW" -> item.attributes();
                case "UPDATED_NEW" -> updatedPaths.apply(item.attributes());
                default -> null;
            };
            double units = Math.max(writeUnits(old), writeUnits(item));
            return response(attributes, text(request, "ReturnConsumedCapacity", "NONE"), definition.name(), units);
        });
    }

    /**
     * DynamoDB's checks of what an update writes (dynalite's db.validateUpdates): no key attribute, index key
     * attributes only with their declared type, and no nested path into a key attribute.
     */
    private static void checkUpdates(TableDefinition definition, UpdateExpression update, AttributeUpdates attributeUpdates) {
        if (update == null && attributeUpdates == null) return;
        for (KeyElement element : definition.keySchema().elements()) {
            boolean updated = update != null
                    ? update.paths().stream().anyMatch(path -> path.head().equals(element.name()))
                    : attributeUpdates.updates(element.name());
            if (updated) {
                throw Errors.validation(INVALID + "Cannot update attribute " + element.name() + ". This attribute is part of the key");
            }
        }
        for (IndexDefinition index : indexes(definition)) {
            for (KeyElement element : indexKeyElements(index)) {
                String expected = typeOf(definition, element);
                String actual = update != null ? update.declaredType(element.name()) : attributeUpdates.declaredType(element.name());
                if (actual != null && !actual.equals(expected)) {
                    throw Errors.validation(INVALID + "Type mismatch for Index Key " + element.name() + " Expected: " + expected
                            + " Actual: " + actual + " IndexName: " + index.name());
                }
            }
        }
        if (update == null) return;
        Set<String> nested = update.nestedPathHeads();
        for (KeyElement element : definition.keySchema().elements()) {
            if (nested.contains(element.name())) {
                throw Errors.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: "
                        + element.name());
            }
        }
        for (IndexDefinition index : indexes(definition)) {
            for (KeyElement element : indexKeyElements(index)) {
                if (nested.contains(element.name())) {
                    throw Errors.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: "
                            + element.name());
                }
            }
        }
    }

    private static List<IndexDefinition> indexes(TableDefinition definition) {
        List<IndexDefinition> all = new java.util.ArrayList<>(definition.globalIndexes());
        all.addAll(definition.localIndexes());
        return all;
    }

    /** A GSI's whole key; an LSI's sort key (its partition key is the table's). */
    private static List<KeyElement> indexKeyElements(IndexDefinition index) {
        return index.global() ? index.keySchema().elements() : List.of(index.keySchema().range());
    }

    private static Map<String, String> indexKeyTypes(TableDefinition definition) {
        Map<String, String> types = new LinkedHashMap<>();
        for (IndexDefinition index : indexes(definition)) {
            for (KeyElement element : indexKeyElements(index)) types.putIfAbsent(element.name(), typeOf(definition, element));
        }
        return types;
    }

    private static String typeOf(TableDefinition definition, KeyElement element) {
        return element.attributeType() != null ? element.attributeType() : definition.attributeDefinitions().get(element.name());
    }

    /** Write capacity: one unit per started KB of the larger of the old and new item. */
    private static double writeUnits(Item item) {
        return item == null ? 0 : Math.max(1, Math.ceil(item.size() / 1024.0));
    }

    private static String text(ObjectNode request, String member, String absent) {
        JsonNode node = request.get(member);
        return node == null ? absent : node.textValue();
    }

    private static Response response(Map<String, AttrValue> attributes, String returnConsumedCapacity, String tableName, double units) {
        return g -> {
            g.writeStartObject();
            if (attributes != null && !attributes.isEmpty()) {
                g.writeFieldName("Attributes");
                AttrValueJson.writeItem(g, attributes);
            }
            if (returnConsumedCapacity.equals("TOTAL") || returnConsumedCapacity.equals("INDEXES")) {
                g.writeObjectFieldStart("ConsumedCapacity");
                g.writeNumberField("CapacityUnits", units);
                g.writeStringField("TableName", tableName);
                if (returnConsumedCapacity.equals("INDEXES")) {
                    g.writeObjectFieldStart("Table");
                    g.writeNumberField("CapacityUnits", units);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        };
    }
}
