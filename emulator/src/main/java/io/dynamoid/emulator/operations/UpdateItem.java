package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.AttributeUpdates;
import io.dynamoid.emulator.expressions.ConditionExpression;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.LegacyConditions;
import io.dynamoid.emulator.expressions.Projection;
import io.dynamoid.emulator.expressions.UpdateExpression;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.attributeValueField;
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
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("TableName", Items.tableNameMember())
            .with("ReturnItemCollectionMetrics", Items.returnItemCollectionMetricsMember())
            .with("ReturnValues", Items.returnValuesMember())
            .with("Key", Items.attributeMapMember().notNull())
            .with("ConditionalOperator", Items.conditionalOperatorMember())
            .with("Expected", Items.expectedMember())
            .with("AttributeUpdates", map("AttributeValueUpdate", valueStruct("AttributeValueUpdate")
                    .with("Action", string().oneOf("ADD", "PUT", "DELETE"))
                    .with("Value", attributeValueField())))
            .with("ConditionExpression", string())
            .with("UpdateExpression", string())
            .with("ExpressionAttributeValues", Items.attributeMapMember())
            .with("ExpressionAttributeNames", Items.expressionAttributeNamesMember())
            .with("ReturnValuesOnConditionCheckFailure", Items.returnValuesOnConditionCheckFailureMember());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        Expressions.checkParameters(request, List.of("UpdateExpression", "ConditionExpression"),
                List.of("AttributeUpdates", "Expected"));
        Map<String, AttrValue> key = Items.readAttributes(request.get("Key"));
        AttributeUpdates attributeUpdates = AttributeUpdates.read(request.get("AttributeUpdates"));
        LegacyConditions.checkExpected(request.get("Expected"));
        Expressions.Compiled expressions = Expressions.compile(request);
        UpdateExpression update = expressions.update();
        ConditionExpression condition = expressions.condition() != null ? expressions.condition()
                : LegacyConditions.expected(request.get("Expected"), request.get("ConditionalOperator"));

        Table table = Items.activeTable(context, request.get("TableName").textValue());
        TableDefinition definition = table.definition();
        ItemKey itemKey = Keys.validateKey(key, table);
        checkUpdates(definition, update, attributeUpdates);
        Map<String, String> indexKeyTypes = indexKeyTypes(definition);
        String returnValues = text(request, "ReturnValues", "NONE");
        int maxItemSize = context.settings().maxItemSizeBytes();
        ConsumedCapacity.Mode capacityMode = ConsumedCapacity.Mode.of(request);
        boolean metricsRequested = ItemCollectionMetrics.requested(request);

        return table.locked(itemKey, () -> {
            Item old = table.get(itemKey);
            Map<String, AttrValue> oldAttributes = old == null ? null : old.attributes();
            Expressions.checkCondition(condition, old, request);
            Map<String, AttrValue> base = old == null ? key : oldAttributes;
            Map<String, AttrValue> updated = update != null ? update.apply(base, indexKeyTypes)
                    : attributeUpdates != null ? attributeUpdates.apply(base) : base;
            Keys.validateItem(updated, table); // secondary-index keys: declared type, not empty
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
            ConsumedCapacity capacity = ConsumedCapacity.write(definition, old, item);
            ItemCollectionMetrics metrics = metricsRequested ? ItemCollectionMetrics.of(table, itemKey) : null;
            // nothing to return answers no Attributes member at all
            return Items.writeResponse(attributes == null || attributes.isEmpty() ? null : attributes, capacityMode, capacity, metrics);
        });
    }

    /**
     * DynamoDB's checks of what an update writes (dynalite's db.validateUpdates): no key attribute, index key
     * attributes only with their declared type, and no nested path into a key attribute.
     */
    static void checkUpdates(TableDefinition definition, UpdateExpression update, AttributeUpdates attributeUpdates) {
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
        if (update != null) Expressions.checkKeyPaths(update.nestedPathHeads(), definition);
    }

    private static List<IndexDefinition> indexes(TableDefinition definition) {
        List<IndexDefinition> all = new ArrayList<>(definition.globalIndexes());
        all.addAll(definition.localIndexes());
        return all;
    }

    /** A GSI's whole key; an LSI's sort key (its partition key is the table's). */
    private static List<KeyElement> indexKeyElements(IndexDefinition index) {
        return index.global() ? index.keySchema().elements() : List.of(index.keySchema().range());
    }

    static Map<String, String> indexKeyTypes(TableDefinition definition) {
        Map<String, String> types = new LinkedHashMap<>();
        for (IndexDefinition index : indexes(definition)) {
            for (KeyElement element : indexKeyElements(index)) types.putIfAbsent(element.name(), typeOf(definition, element));
        }
        return types;
    }

    /** The declared type (S, N or B) of a key attribute, from the table's AttributeDefinitions. */
    private static String typeOf(TableDefinition definition, KeyElement element) {
        return definition.attributeDefinitions().get(element.name());
    }

    private static String text(ObjectNode request, String member, String absent) {
        JsonNode node = request.get(member);
        return node == null ? absent : node.textValue();
    }
}
