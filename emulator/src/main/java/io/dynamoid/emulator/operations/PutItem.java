package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.ConditionExpression;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.LegacyConditions;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.List;

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
        Expressions.checkParameters(request, List.of("ConditionExpression"), List.of("Expected"));
        Item item = Item.of(Items.readAttributes(request.get("Item")));
        Items.checkReturnValuesAllOldOrNone(request);
        Items.checkItemSize(item, context);
        LegacyConditions.checkExpected(request.get("Expected"));
        ConditionExpression condition = Expressions.condition(request);

        Table table = Items.activeTable(context, request.get("TableName").textValue());
        ItemKey key = Keys.validateItem(item.attributes(), table);
        Item old = Items.write(table, key, item,
                current -> Expressions.checkCondition(condition, current, request));

        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        ConsumedCapacity capacity = ConsumedCapacity.write(table.definition(), old, item);
        ItemCollectionMetrics metrics = ItemCollectionMetrics.requested(request) ? ItemCollectionMetrics.of(table, key) : null;
        return Items.writeResponse(old != null && Items.returnsAllOld(request) ? old.attributes() : null,
                mode, capacity, metrics);
    }
}
