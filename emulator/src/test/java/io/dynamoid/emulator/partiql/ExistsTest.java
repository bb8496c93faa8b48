package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.partiql.PartiqlTables.fresh;
import static io.dynamoid.emulator.partiql.PartiqlTables.n;
import static io.dynamoid.emulator.partiql.PartiqlTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXISTS(SELECT ...) in ExecuteTransaction: the ConditionCheck of a PartiQL transaction (Developer Guide,
 * "Using the EXISTS function with PartiQL for DynamoDB": "You can use EXISTS to perform the same function as
 * ConditionCheck does in the TransactWriteItems API. The EXISTS function can only be used in transactions.").
 */
class ExistsTest extends EmulatorTestBase {
    private static String table;

    @BeforeAll
    static void createTable() {
        table = uniqueTableName("partiql-exists");
        PartiqlTables.createPkSkTable(client, table);
    }

    private static ParameterizedStatement tx(String statement, AttributeValue... parameters) {
        return ParameterizedStatement.builder().statement(statement.replace("$T", "\"" + table + "\""))
                .parameters(parameters.length == 0 ? null : List.of(parameters)).build();
    }

    private static Map<String, AttributeValue> get(String pk) {
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", n(1)))).item();
    }

    private static void putItem(String pk, String status) {
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "sk", n(1), "status", s(status))));
    }

    @Test
    void aMatchingExistsLetsTheTransactionWrite() {
        String checked = fresh();
        String written = fresh();
        putItem(checked, "open");
        client.executeTransaction(r -> r.transactStatements(
                tx("EXISTS(SELECT * FROM $T WHERE pk = ? AND sk = 1 AND status = 'open')", s(checked)),
                tx("INSERT INTO $T VALUE {'pk': ?, 'sk': 1}", s(written))));
        assertEquals(Map.of("pk", s(written), "sk", n(1)), get(written));
        assertEquals(Map.of("pk", s(checked), "sk", n(1), "status", s("open")), get(checked));
    }

    @Test
    void anExistsWhoseConditionFailsCancelsTheTransaction() {
        String checked = fresh();
        String written = fresh();
        putItem(checked, "closed");
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> client.executeTransaction(r -> r.transactStatements(
                        tx("EXISTS(SELECT * FROM $T WHERE pk = ? AND sk = 1 AND status = 'open')", s(checked)),
                        tx("INSERT INTO $T VALUE {'pk': ?, 'sk': 1}", s(written)))));
        assertEquals(List.of("ConditionalCheckFailed", "None"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertTrue(get(written).isEmpty());
    }

    @Test
    void anExistsOnAMissingItemCancelsTheTransaction() {
        String written = fresh();
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> client.executeTransaction(r -> r.transactStatements(
                        tx("INSERT INTO $T VALUE {'pk': ?, 'sk': 1}", s(written)),
                        tx("EXISTS(SELECT * FROM $T WHERE pk = ? AND sk = 1)", s(fresh())))));
        assertEquals(List.of("None", "ConditionalCheckFailed"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertTrue(get(written).isEmpty());
    }

    @Test
    void anExistsMustNameTheWholeKey() {
        // the SELECT "must specify a full primary key" (EXISTS page); the message is PartiQL's usual one for writes
        assertDynamoError("ValidationException", "Where clause does not contain a mandatory equality on all key attributes",
                () -> client.executeTransaction(r -> r.transactStatements(
                        tx("EXISTS(SELECT * FROM $T WHERE pk = ? AND status = 'open')", s(fresh())),
                        tx("INSERT INTO $T VALUE {'pk': ?, 'sk': 1}", s(fresh())))));
    }

    @Test
    void anExistsAndAWriteCannotTouchOneItem() {
        String pk = fresh();
        putItem(pk, "open");
        assertDynamoError("ValidationException", "Transaction request cannot include multiple operations on one item",
                () -> client.executeTransaction(r -> r.transactStatements(
                        tx("EXISTS(SELECT * FROM $T WHERE pk = ? AND sk = 1)", s(pk)),
                        tx("UPDATE $T SET status = 'closed' WHERE pk = ? AND sk = 1", s(pk)))));
    }

    @Test
    void existsOutsideATransactionIsRefused() {
        // "This function can only be used in transactional operations." (EXISTS page); the message is ours
        String pk = fresh();
        putItem(pk, "open");
        assertDynamoError("ValidationException", "EXISTS can only be used in a transaction",
                () -> client.executeStatement(b -> b.statement("EXISTS(SELECT * FROM \"" + table + "\" WHERE pk = ? AND sk = 1)")
                        .parameters(s(pk))));
        var responses = client.batchExecuteStatement(b -> b.statements(s -> s
                .statement("EXISTS(SELECT * FROM \"" + table + "\" WHERE pk = ? AND sk = 1)").parameters(s(pk)))).responses();
        assertEquals(BatchStatementErrorCodeEnum.VALIDATION_ERROR, responses.get(0).error().code());
    }
}
