package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.partiql.PartiqlTables.n;
import static io.dynamoid.emulator.partiql.PartiqlTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ExecuteStatement (Developer Guide, "PartiQL select/insert/update/delete statements for DynamoDB"). */
class ExecuteStatementTest extends EmulatorTestBase {
    private static String table;

    @BeforeAll
    static void createTable() {
        table = uniqueTableName("partiql");
        PartiqlTables.createPkSkTable(client, table);
    }

    /** Runs {@code statement} with {@code $T} standing for the test table's quoted name. */
    private static ExecuteStatementResponse sql(String statement, AttributeValue... parameters) {
        String text = statement.replace("$T", "\"" + table + "\"");
        return client.executeStatement(b -> b.statement(text).parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static Map<String, AttributeValue> get(String pk, long sk) {
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", n(sk)))).item();
    }

    private static String fresh() {
        return java.util.UUID.randomUUID().toString();
    }

    @Test
    void insertWritesTheItem() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'name': 'Ann', 'tags': <<'a', 'b'>>, 'nested': {'list': [1, TRUE, NULL]}}", s(pk));
        Map<String, AttributeValue> item = get(pk, 1);
        assertEquals("Ann", item.get("name").s());
        assertEquals(Set.of("a", "b"), new HashSet<>(item.get("tags").ss()));
        assertEquals(List.of(n(1), AttributeValue.fromBool(true), AttributeValue.fromNul(true)), item.get("nested").m().get("list").l());
    }

    @Test
    void insertOfAnExistingKeyIsADuplicateItem() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1}", s(pk));
        // PartiQL insert statements for DynamoDB: "If the item exists, DuplicateItemException"
        DuplicateItemException e = assertThrows(DuplicateItemException.class,
                () -> sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'x': 'y'}", s(pk)));
        assertEquals("Duplicate primary key exists in table", e.awsErrorDetails().errorMessage());
    }

    @Test
    void selectByFullKeyReturnsTheItem() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 7, 'v': 'x'}", s(pk));
        List<Map<String, AttributeValue>> items = sql("SELECT * FROM $T WHERE pk = ? AND sk = 7", s(pk)).items();
        assertEquals(List.of(Map.of("pk", s(pk), "sk", n(7), "v", s("x"))), items);
    }

    @Test
    void selectOnThePartitionKeyReturnsThatPartitionInSortKeyOrder() {
        String pk = fresh();
        for (long sk : new long[]{3, 1, 2}) sql("INSERT INTO $T VALUE {'pk': ?, 'sk': ?}", s(pk), n(sk));
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1}", s(fresh()));
        List<Map<String, AttributeValue>> items = sql("SELECT sk FROM $T WHERE pk = ?", s(pk)).items();
        assertEquals(List.of(Map.of("sk", n(1)), Map.of("sk", n(2)), Map.of("sk", n(3))), items);
    }

    @Test
    void selectWithoutTheKeyScansAndFilters() {
        String marker = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'marker': ?, 'score': 5}", s(fresh()), s(marker));
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'marker': ?, 'score': 50}", s(fresh()), s(marker));
        List<Map<String, AttributeValue>> items =
                sql("SELECT score FROM $T WHERE marker = ? AND score BETWEEN 10 AND 100", s(marker)).items();
        assertEquals(List.of(Map.of("score", n(50))), items);
    }

    @Test
    void whereSupportsInFunctionsAndMissing() {
        String marker = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'marker': ?, 'name': 'alpha'}", s(fresh()), s(marker));
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 2, 'marker': ?, 'name': 'beta', 'extra': 1}", s(fresh()), s(marker));
        String where = "SELECT name FROM $T WHERE marker = ? AND ";
        assertEquals(1, sql(where + "begins_with(name, 'al')", s(marker)).items().size());
        assertEquals(2, sql(where + "name IN ['alpha', 'beta']", s(marker)).items().size());
        assertEquals(List.of(Map.of("name", s("alpha"))), sql(where + "extra IS MISSING", s(marker)).items());
        assertEquals(List.of(Map.of("name", s("beta"))), sql(where + "NOT (extra IS MISSING) OR size(name) > 10", s(marker)).items());
    }

    @Test
    void limitAndNextTokenPageThroughAPartition() {
        String pk = fresh();
        for (long sk = 1; sk <= 5; sk++) sql("INSERT INTO $T VALUE {'pk': ?, 'sk': ?}", s(pk), n(sk));
        List<AttributeValue> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ExecuteStatementResponse page = client.executeStatement(b -> b.statement("SELECT sk FROM \"" + table + "\" WHERE pk = ?")
                    .parameters(s(pk)).limit(2).nextToken(current));
            assertTrue(page.items().size() <= 2);
            page.items().forEach(item -> seen.add(item.get("sk")));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(List.of(n(1), n(2), n(3), n(4), n(5)), seen);
        assertTrue(pages >= 3);
    }

    @Test
    void updateSetsAndRemovesAttributes() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'count': 1, 'gone': 'x', 'doc': {'list': [1]}}", s(pk));
        sql("UPDATE $T SET count = count + 2 SET doc.list = list_append(doc.list, [2]), note = 'hi' REMOVE gone WHERE pk = ? AND sk = 1", s(pk));
        Map<String, AttributeValue> item = get(pk, 1);
        assertEquals("3", item.get("count").n());
        assertEquals(List.of(n(1), n(2)), item.get("doc").m().get("list").l());
        assertEquals("hi", item.get("note").s());
        assertTrue(!item.containsKey("gone"));
    }

    @Test
    void updateReturningAnswersTheItemOrItsModifiedAttributes() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'a': 1, 'b': 'x'}", s(pk));
        assertEquals(List.of(Map.of("pk", s(pk), "sk", n(1), "a", n(2), "b", s("x"))),
                sql("UPDATE $T SET a = 2 WHERE pk = ? AND sk = 1 RETURNING ALL NEW *", s(pk)).items());
        assertEquals(List.of(Map.of("a", n(2))),
                sql("UPDATE $T SET a = 3 WHERE pk = ? AND sk = 1 RETURNING MODIFIED OLD *", s(pk)).items());
    }

    @Test
    void deleteReturningAllOldAnswersTheDeletedItem() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'a': 1}", s(pk));
        // PartiQL delete statements for DynamoDB: RETURNING ALL OLD *
        assertEquals(List.of(Map.of("pk", s(pk), "sk", n(1), "a", n(1))),
                sql("DELETE FROM $T WHERE pk = ? AND sk = 1 RETURNING ALL OLD *", s(pk)).items());
        assertTrue(sql("DELETE FROM $T WHERE pk = ? AND sk = 1 RETURNING ALL OLD *", s(pk)).items().isEmpty());
    }

    @Test
    void updateWhoseConditionFailsIsAConditionalCheckFailure() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'v': 1}", s(pk));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> sql("UPDATE $T SET v = 2 WHERE pk = ? AND sk = 1 AND v = 5", s(pk)));
        assertEquals("The conditional request failed", e.awsErrorDetails().errorMessage());
        assertEquals("1", get(pk, 1).get("v").n());
    }

    @Test
    void aFailedConditionCanAnswerTheItemItRefused() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'v': 1}", s(pk));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> client.executeStatement(b -> b.statement("DELETE FROM \"" + table + "\" WHERE pk = ? AND sk = 1 AND v = 2")
                        .parameters(s(pk)).returnValuesOnConditionCheckFailure("ALL_OLD")));
        assertEquals(Map.of("pk", s(pk), "sk", n(1), "v", n(1)), e.item());
    }

    @Test
    void updateOfAMissingItemIsAConditionalCheckFailure() {
        assertThrows(ConditionalCheckFailedException.class, () -> sql("UPDATE $T SET v = 2 WHERE pk = ? AND sk = 1", s(fresh())));
    }

    @Test
    void writesMustNameTheWholeKey() {
        assertDynamoError("ValidationException", "Where clause does not contain a mandatory equality on all key attributes",
                () -> sql("DELETE FROM $T WHERE pk = ?", s(fresh())));
    }

    @Test
    void updateCannotChangeAKeyAttribute() {
        assertDynamoError("ValidationException", "Cannot update attribute sk. This attribute is part of the key",
                () -> sql("UPDATE $T SET sk = 2 WHERE pk = ? AND sk = 1", s(fresh())));
    }

    @Test
    void deleteRemovesTheItemAndADeleteOfNothingSucceeds() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1}", s(pk));
        sql("DELETE FROM $T WHERE pk = ? AND sk = 1", s(pk));
        assertTrue(get(pk, 1).isEmpty());
        // PartiQL delete statements for DynamoDB: no such item → SUCCESS with 0 items deleted
        assertTrue(sql("DELETE FROM $T WHERE pk = ? AND sk = 1", s(pk)).items().isEmpty());
    }

    @Test
    void deleteWhoseConditionFailsIsAConditionalCheckFailure() {
        String pk = fresh();
        sql("INSERT INTO $T VALUE {'pk': ?, 'sk': 1, 'v': 1}", s(pk));
        assertThrows(ConditionalCheckFailedException.class, () -> sql("DELETE FROM $T WHERE pk = ? AND sk = 1 AND v = 2", s(pk)));
        assertEquals(n(1), get(pk, 1).get("v"));
    }

    @Test
    void parametersMustMatchThePlaceholders() {
        assertDynamoError("ValidationException", "Number of parameters in request and statement don't match.",
                () -> sql("SELECT * FROM $T WHERE pk = ?", s("a"), s("b")));
        assertDynamoError("ValidationException", "Number of parameters in request and statement don't match.",
                () -> sql("SELECT * FROM $T WHERE pk = ? AND sk = ?", s("a")));
    }

    @Test
    void aMalformedStatementIsAValidationError() {
        var e = assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                () -> sql("SELEKT * FROM $T"));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("Statement wasn't well formed, can't be processed: "),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void anUnknownTableIsNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> client.executeStatement(b -> b.statement("SELECT * FROM \"no-such-table\"")));
    }
}
