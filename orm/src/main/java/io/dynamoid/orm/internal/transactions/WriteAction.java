package io.dynamoid.orm.internal.transactions;

import io.dynamoid.orm.Model;
import io.dynamoid.orm.internal.ModelMapping;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Map;

/**
 * One collected action of a write transaction: its request, the item it writes (one action per item), what a
 * failed condition means for it, and what to do to the record once the transaction committed or failed.
 *
 * @param description      what the action is, for messages: {@code save Document[42]}
 * @param conditionFailure why its condition can fail, for messages: {@code its lock version changed}
 * @param model            the record it writes, or null for an action by key
 * @param onCommit         applies the write to the record's in-memory state
 * @param onFailure        puts back what collecting the action changed on the record
 */
record WriteAction(String description, String conditionFailure, ModelMapping mapping, Map<String, AttributeValue> key,
                   TransactWriteItem request, Model<?> model, Runnable onCommit, Runnable onFailure) {

    /** The item this action writes: its table and key. */
    ItemRef item() {
        return new ItemRef(mapping.tableName(), key);
    }

    record ItemRef(String table, Map<String, AttributeValue> key) {
    }
}
