package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BatchExecuteStatement and ExecuteTransaction (Developer Guide, "Running batch operations with PartiQL for
 * DynamoDB" and "Performing transactions with PartiQL for DynamoDB").
 */
class MultipleStatementsTest extends EmulatorTestBase {
    private static String table;

    @BeforeAll
    static void createTable() {
        table = uniqueTableName("partiql-multi");
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }

    private static String q(String statement) {
        return statement.replace("$T", "\"" + table + "\"");
    }

    private static BatchStatementRequest batch(String statement, AttributeValue... parameters) {
        return BatchStatementRequest.builder().statement(q(statement)).parameters(parameters.length == 0 ? null : List.of(parameters)).build();
    }

    private static ParameterizedStatement tx(String statement, AttributeValue... parameters) {
        return ParameterizedStatement.builder().statement(q(statement)).parameters(parameters.length == 0 ? null : List.of(parameters)).build();
    }

    private static Map<String, AttributeValue> get(String pk) {
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk)))).item();
    }

    @Test
    void batchWritesRunEachStatementAndReportFailuresPerStatement() {
        String existing = fresh();
        String created = fresh();
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s(existing))));
        List<BatchStatementResponse> responses = client.batchExecuteStatement(b -> b.statements(
                batch("INSERT INTO $T VALUE {'pk': ?}", s(created)),
                batch("INSERT INTO $T VALUE {'pk': ?}", s(existing)),
                batch("UPDATE $T SET v = 1 WHERE pk = ?", s(existing)))).responses();
        assertEquals(3, responses.size());
        assertNull(responses.get(0).error());
        assertEquals(table, responses.get(0).tableName());
        assertEquals(BatchStatementErrorCodeEnum.DUPLICATE_ITEM, responses.get(1).error().code());
        assertEquals("Duplicate primary key exists in table", responses.get(1).error().message());
        assertNull(responses.get(2).error());
        assertEquals(Map.of("pk", s(created)), get(created));
        assertEquals("1", get(existing).get("v").n());
    }

    @Test
    void batchReadsAnswerEachItemAndAFailedConditionIsPerStatement() {
        String pk = fresh();
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), "v", s("x"))));
        List<BatchStatementResponse> responses = client.batchExecuteStatement(b -> b.statements(
                batch("SELECT v FROM $T WHERE pk = ?", s(pk)),
                batch("SELECT * FROM $T WHERE pk = ?", s(fresh())),
                batch("SELECT * FROM $T WHERE v = 'x'"))).responses();
        assertEquals(Map.of("v", s("x")), responses.get(0).item());
        assertTrue(responses.get(1).item() == null || responses.get(1).item().isEmpty());
        assertEquals(BatchStatementErrorCodeEnum.VALIDATION_ERROR, responses.get(2).error().code());
        assertEquals("Where clause does not contain a mandatory equality on all key attributes", responses.get(2).error().message());
    }

    @Test
    void aBatchCannotMixReadsAndWrites() {
        assertDynamoError("ValidationException", "The entire batch must consist of either read statements or write statements",
                () -> client.batchExecuteStatement(b -> b.statements(
                        batch("SELECT * FROM $T WHERE pk = 'a'"), batch("DELETE FROM $T WHERE pk = 'a'"))));
    }

    @Test
    void aTransactionWritesEverythingWhenEveryStatementSucceeds() {
        String a = fresh();
        String b = fresh();
        client.putItem(r -> r.tableName(table).item(Map.of("pk", s(b), "n", AttributeValue.fromN("1"))));
        client.executeTransaction(r -> r.transactStatements(
                tx("INSERT INTO $T VALUE {'pk': ?}", s(a)),
                tx("UPDATE $T SET n = n + 1 WHERE pk = ? AND n = 1", s(b))));
        assertEquals(Map.of("pk", s(a)), get(a));
        assertEquals("2", get(b).get("n").n());
    }

    @Test
    void aTransactionWithAFailingStatementWritesNothingAndSaysWhy() {
        String a = fresh();
        String b = fresh();
        client.putItem(r -> r.tableName(table).item(Map.of("pk", s(b))));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> client.executeTransaction(r -> r.transactStatements(
                        tx("INSERT INTO $T VALUE {'pk': ?}", s(a)),
                        tx("INSERT INTO $T VALUE {'pk': ?}", s(b)))));
        assertEquals(List.of("None", "DuplicateItem"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertTrue(get(a).isEmpty());
    }

    @Test
    void aTransactionCannotTouchOneItemTwice() {
        String a = fresh();
        assertDynamoError("ValidationException", "Transaction request cannot include multiple operations on one item",
                () -> client.executeTransaction(r -> r.transactStatements(
                        tx("INSERT INTO $T VALUE {'pk': ?}", s(a)), tx("DELETE FROM $T WHERE pk = ?", s(a)))));
    }

    @Test
    void aReadTransactionAnswersEachItemInOrder() {
        String a = fresh();
        client.putItem(r -> r.tableName(table).item(Map.of("pk", s(a), "v", s("x"))));
        var responses = client.executeTransaction(r -> r.transactStatements(
                tx("SELECT v FROM $T WHERE pk = ?", s(a)), tx("SELECT * FROM $T WHERE pk = ?", s(fresh())))).responses();
        assertEquals(Map.of("v", s("x")), responses.get(0).item());
        assertTrue(responses.get(1).item() == null || responses.get(1).item().isEmpty());
    }

    @Test
    void aRetriedTransactionWithTheSameTokenIsNotAppliedTwice() {
        String a = fresh();
        client.putItem(r -> r.tableName(table).item(Map.of("pk", s(a), "n", AttributeValue.fromN("1"))));
        String token = fresh();
        for (int i = 0; i < 2; i++) {
            client.executeTransaction(r -> r.clientRequestToken(token)
                    .transactStatements(tx("UPDATE $T SET n = n + 1 WHERE pk = ?", s(a))));
        }
        assertEquals("2", get(a).get("n").n());
    }
}
