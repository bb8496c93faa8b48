package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.TransactionCanceledException.Reason;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;

import java.util.List;
import java.util.Map;

/** What TransactWriteItems and TransactGetItems check alike, where transactions differ from single-item calls. */
final class Transactions {
    private static final Expressions.Compiled NO_EXPRESSIONS = new Expressions.Compiled(null, null, null, null, null);

    private Transactions() {
    }

    /**
     * The action's expressions. Unlike the single-item operations, a transaction action may carry
     * ExpressionAttributeNames/Values without any expression: DynamoDB ignores them then (ExtendDB's
     * tests/test_transact_expression_validation.py, captured from DynamoDB). With an expression, every
     * placeholder must be used as usual.
     */
    static Expressions.Compiled compile(ObjectNode action, List<String> expressionMembers) {
        for (String member : expressionMembers) {
            if (action.has(member)) return Expressions.compile(action);
        }
        return NO_EXPRESSIONS;
    }

    /** An action's item: its key, or why DynamoDB cancels the action. */
    record Target(ItemKey key, Reason invalid) {
    }

    /**
     * Checks a Key (or, for a Put, the whole item) against the table. A key DynamoDB refuses — wrong type,
     * too long, not the schema — does not fail the request: it cancels the transaction with a ValidationError
     * reason for that action (ExtendDB's tests/test_transaction_key_size_validation.py and
     * test_transaction_operations.py, matching DynamoDB). An empty key value is still a request error.
     */
    static Target target(Map<String, AttrValue> attributes, Table table, boolean wholeItem) {
        try {
            return new Target(wholeItem ? Keys.validateItem(attributes, table) : Keys.validateKey(attributes, table), null);
        } catch (DynamoException e) {
            if (!e.shortType().equals("ValidationException") || hasEmptyKeyValue(attributes, table)) throw e;
            return new Target(null, Reason.validationError(e.getMessage()));
        }
    }

    private static boolean hasEmptyKeyValue(Map<String, AttrValue> attributes, Table table) {
        for (KeyElement element : table.definition().keySchema().elements()) {
            AttrValue value = attributes.get(element.name());
            if (value instanceof AttrValue.S s && s.value().isEmpty()) return true;
            if (value instanceof AttrValue.B b && b.value().length() == 0) return true;
        }
        return false;
    }
}
