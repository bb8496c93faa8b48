package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.string;

/**
 * PutItem: replaces the whole item at the item's key. Validation follows dynalite's
 * {@code validations/putItem.js} then {@code db.validateItem}; the write runs under the key's lock.
 */
public final class PutItem implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("TableName", Items.tableNameMember())
            .with("Item", Items.attributeMapMember().notNull())
            .with("ConditionalOperator", Items.conditionalOperatorMember())
            .with("Expected", Items.expectedMember())
            .with("ReturnValues", Items.returnValuesMember())
            .with("ReturnItemCollectionMetrics", Items.returnItemCollectionMetricsMember())
            .with("ConditionExpression", string())
            .with("ExpressionAttributeValues", Items.attributeMapMember())
            .with("ExpressionAttributeNames", Items.expressionAttributeNamesMember())
            .with("ReturnValuesOnConditionCheckFailure", Items.returnValuesOnConditionCheckFailureMember());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        // SEAM(expressions): validateExpressionParams(request, [ConditionExpression], [Expected]) goes here.
        Map<String, AttrValue> attributes = Items.readAttributes(request.get("Item"));
        Items.checkReturnValuesAllOldOrNone(request);
        Items.checkItemSize(attributes, context);
        // SEAM(expressions): validateAttributeConditions(Expected) then validateExpressions(ConditionExpression,
        // ExpressionAttributeNames/Values) go here.

        Table table = Items.activeTable(context, request.get("TableName").textValue());
        ItemKey key = Keys.validateItem(attributes, table);
        Item item = Item.of(attributes);
        // SEAM(expressions): inside the lock, check the condition against table.get(key) before committing
        // (ConditionalCheckFailedException; ReturnValuesOnConditionCheckFailure=ALL_OLD returns the old item).
        Item old = table.locked(key, () -> table.commit(key, item));

        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        ConsumedCapacity capacity = ConsumedCapacity.write(table.definition(), old, item);
        ItemCollectionMetrics metrics = ItemCollectionMetrics.requested(request) ? ItemCollectionMetrics.of(table, key) : null;
        return Items.writeResponse(old != null && Items.returnsAllOld(request) ? old.attributes() : null,
                mode, capacity, metrics);
    }
}
