package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.ConditionExpression;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.LegacyConditions;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.string;

/**
 * DeleteItem: removes the item at a key (deleting a missing item succeeds). Validation follows dynalite's
 * {@code validations/deleteItem.js} then {@code db.validateKey}; the delete runs under the key's lock.
 */
public final class DeleteItem implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("TableName", Items.tableNameMember())
            .with("ReturnValues", Items.returnValuesMember())
            .with("ReturnItemCollectionMetrics", Items.returnItemCollectionMetricsMember())
            .with("Key", Items.attributeMapMember().notNull())
            .with("ConditionalOperator", Items.conditionalOperatorMember())
            .with("Expected", Items.expectedMember())
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
        Map<String, AttrValue> keyAttributes = Items.readAttributes(request.get("Key"));
        // Real DynamoDB refuses ALL_NEW / UPDATED_* here too (boto/boto3 issue #4339); dynalite does not check.
        Items.checkReturnValuesAllOldOrNone(request);
        LegacyConditions.checkExpected(request.get("Expected"));
        ConditionExpression condition = Expressions.condition(request);

        Table table = Items.activeTable(context, request.get("TableName").textValue());
        ItemKey key = Keys.validateKey(keyAttributes, table);
        Item old = Items.write(table, key, null,
                current -> Expressions.checkCondition(condition, current, request));

        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        ConsumedCapacity capacity = ConsumedCapacity.write(table.definition(), old, null);
        ItemCollectionMetrics metrics = ItemCollectionMetrics.requested(request) ? ItemCollectionMetrics.of(table, key) : null;
        return Items.writeResponse(old != null && Items.returnsAllOld(request) ? old.attributes() : null,
                mode, capacity, metrics);
    }
}
