package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.storage.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.operations.ReadFixtures.item;
import static io.dynamoid.emulator.operations.ReadFixtures.key;
import static io.dynamoid.emulator.operations.ReadFixtures.lsi;
import static io.dynamoid.emulator.operations.ReadFixtures.n;
import static io.dynamoid.emulator.operations.ReadFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query and Scan with expressions and with the legacy filter parameters. */
class ExpressionReadTest extends EmulatorTestBase {
    private static final int BIG = 1000;
    private static String name;

    @BeforeAll
    static void createTable() {
        name = uniqueTableName("expr-read");
        Table table = ReadFixtures.createTable(client, emulator, name, key("pk", "S", "sk", "N"), List.of(),
                List.of(lsi("byRank", key("pk", "S", "rank", "N"), "KEYS_ONLY")));
        for (int i = 0; i < BIG; i++) {
            ReadFixtures.put(table, item("pk", s("p" + (i % 2)), "sk", n(i), "rank", n(BIG - i),
                    "odd", s(i % 2 == 1 ? "yes" : "no"), "tens", n(i % 10), "doc", new io.dynamoid.emulator.protocol.AttrValue.M(
                            Map.of("a", n(i), "b", s("x")))));
        }
    }

    private static Map<String, AttributeValue> values(Object... namesAndValues) {
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) values.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        return values;
    }

    private static List<Integer> sortKeys(List<Map<String, AttributeValue>> items) {
        List<Integer> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) keys.add(Integer.parseInt(item.get("sk").n()));
        return keys;
    }

    @Test
    void keyConditionExpressionSelectsTheSortKeyRange() {
        QueryResponse response = client.query(b -> b.tableName(name)
                .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(values(":p", AttributeValue.fromS("p0"), ":lo", AttributeValue.fromN("10"),
                        ":hi", AttributeValue.fromN("20"))));
        assertEquals(List.of(10, 12, 14, 16, 18, 20), sortKeys(response.items()));
    }

    @Test
    void keyConditionWithTheValueFirstIsMirrored() {
        QueryResponse response = client.query(b -> b.tableName(name)
                .keyConditionExpression("#k = :p AND :v > sk")
                .expressionAttributeNames(Map.of("#k", "pk"))
                .expressionAttributeValues(values(":p", AttributeValue.fromS("p1"), ":v", AttributeValue.fromN("6"))));
        assertEquals(List.of(1, 3, 5), sortKeys(response.items()));
    }

    @Test
    void keyConditionBeginsWithOnANumberIsRejected() {
        assertDynamoError("ValidationException",
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
                () -> client.query(b -> b.tableName(name)
                .keyConditionExpression("pk = :p AND begins_with(sk, :v)")
                .expressionAttributeValues(values(":p", AttributeValue.fromS("p1"), ":v", AttributeValue.fromN("6")))));
    }

    @Test
    void keyConditionWithOrIsRejected() {
        assertDynamoError("ValidationException", "Invalid operator used in KeyConditionExpression: OR",
                () -> client.query(b -> b.tableName(name).keyConditionExpression("pk = :p OR sk = :v")
                        .expressionAttributeValues(values(":p", AttributeValue.fromS("p1"), ":v", AttributeValue.fromN("6")))));
    }

    @Test
    void filterAppliesAfterLimitSoCountIsBelowScannedCount() {
        QueryResponse response = client.query(b -> b.tableName(name).keyConditionExpression("pk = :p")
                .filterExpression("tens < :t").limit(10)
                .expressionAttributeValues(values(":p", AttributeValue.fromS("p0"), ":t", AttributeValue.fromN("4"))));
        // p0 holds the even sk 0..18 on the first page; tens < 4 keeps 0, 2, 10, 12
        assertEquals(List.of(0, 2, 10, 12), sortKeys(response.items()));
        assertEquals(10, response.scannedCount());
        assertEquals(4, response.count());
        assertEquals("18", response.lastEvaluatedKey().get("sk").n());
    }

    @Test
    void filteredScanPagesVisitEveryMatchOnce() {
        Set<Integer> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName(name).filterExpression("odd = :y").limit(37)
                    .expressionAttributeValues(values(":y", AttributeValue.fromS("yes"))).exclusiveStartKey(from));
            for (Integer k : sortKeys(page.items())) {
                assertTrue(seen.add(k));
                assertEquals(1, k % 2);
            }
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertEquals(BIG / 2, seen.size());
        assertTrue(pages >= BIG / 37);
    }

    @Test
    void legacyQueryFilterWithOr() {
        QueryResponse response = client.query(b -> b.tableName(name)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(AttributeValue.fromS("p1")).build()))
                .queryFilter(Map.of(
                        "tens", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(AttributeValue.fromN("1")).build(),
                        "rank", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(AttributeValue.fromN("997")).build()))
                .conditionalOperator(ConditionalOperator.OR));
        // tens = 1: 100 items; rank >= 997 adds sk 3 (rank 997) — sk 1 has tens 1 already
        assertEquals(101, response.count());
    }

    @Test
    void legacyScanFilter() {
        ScanResponse response = client.scan(b -> b.tableName(name).scanFilter(Map.of("tens",
                Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(AttributeValue.fromN("7")).build())));
        assertEquals(BIG / 10, response.count());
        assertEquals(BIG, response.scannedCount());
    }

    @Test
    void projectionExpressionReturnsTheNamedPaths() {
        QueryResponse response = client.query(b -> b.tableName(name).keyConditionExpression("pk = :p AND sk = :k")
                .projectionExpression("doc.a, odd")
                .expressionAttributeValues(values(":p", AttributeValue.fromS("p1"), ":k", AttributeValue.fromN("5"))));
        assertEquals(Map.of("doc", AttributeValue.fromM(Map.of("a", AttributeValue.fromN("5"))), "odd", AttributeValue.fromS("yes")),
                response.items().get(0));
    }

    @Test
    void filterOnAKeyAttributeIsRejected() {
        assertDynamoError("ValidationException",
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                () -> client.query(b -> b.tableName(name).keyConditionExpression("pk = :p").filterExpression("sk > :v")
                        .expressionAttributeValues(values(":p", AttributeValue.fromS("p1"), ":v", AttributeValue.fromN("6")))));
    }

    @Test
    void queryFilterOnAKeyAttributeIsRejected() {
        assertDynamoError("ValidationException",
                "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk",
                () -> client.query(b -> b.tableName(name)
                        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(AttributeValue.fromS("p1")).build()))
                        .queryFilter(Map.of("sk", Condition.builder().comparisonOperator(ComparisonOperator.GT)
                                .attributeValueList(AttributeValue.fromN("1")).build()))));
    }

    @Test
    void nestedPathIntoAKeyIsRejected() {
        assertDynamoError("ValidationException",
                "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk",
                () -> client.scan(b -> b.tableName(name).projectionExpression("pk.x")));
    }

    @Test
    void nestedPathIntoAnIndexKeyIsRejected() {
        assertDynamoError("ValidationException",
                "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: rank",
                () -> client.scan(b -> b.tableName(name).projectionExpression("#r[0]").expressionAttributeNames(Map.of("#r", "rank"))));
    }

    @Test
    void countWithProjectionExpressionIsRejected() {
        assertDynamoError("ValidationException", "Cannot specify the ProjectionExpression when choosing to get only the Count",
                () -> client.scan(b -> b.tableName(name).select(Select.COUNT).projectionExpression("odd")));
    }

    @Test
    void expressionAndLegacyParametersDoNotMix() {
        assertDynamoError("ValidationException",
                "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {FilterExpression}",
                () -> client.scan(b -> b.tableName(name).attributesToGet("odd").filterExpression("odd = :y")
                        .expressionAttributeValues(values(":y", AttributeValue.fromS("yes")))));
    }

    @Test
    void localIndexProjectionOfAnUnprojectedAttributeReadsTheTable() {
        QueryResponse response = client.query(b -> b.tableName(name).indexName("byRank")
                .keyConditionExpression("pk = :p AND #r <= :r").projectionExpression("odd, #r")
                .expressionAttributeNames(Map.of("#r", "rank"))
                .expressionAttributeValues(values(":p", AttributeValue.fromS("p1"), ":r", AttributeValue.fromN("5"))));
        // p1 ranks are BIG - odd sk: 1, 3, 5 have rank <= 5 (sk 999, 997, 995), in rank order
        assertEquals(3, response.count());
        assertEquals(Map.of("odd", AttributeValue.fromS("yes"), "rank", AttributeValue.fromN("1")), response.items().get(0));
    }
}
