package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Bytes;
import io.dynamoid.emulator.storage.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.dynamoid.emulator.operations.ReadFixtures.item;
import static io.dynamoid.emulator.operations.ReadFixtures.key;
import static io.dynamoid.emulator.operations.ReadFixtures.n;
import static io.dynamoid.emulator.operations.ReadFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryTest extends EmulatorTestBase {
    private static final int BIG = 3000;
    private static String numbers;
    private static String strings;
    private static String binaries;
    private static String hashOnly;

    @BeforeAll
    static void createTables() {
        numbers = uniqueTableName("query-n");
        Table n = ReadFixtures.createTable(client, emulator, numbers, key("pk", "S", "sk", "N"), List.of(), List.of());
        for (int i = 0; i < BIG; i++) ReadFixtures.put(n, item("pk", s("big"), "sk", n(i), "odd", s(i % 2 == 1 ? "yes" : "no")));
        for (String v : List.of("-10", "-2.5", "0", "1e-3", "2", "10", "1E+2")) {
            ReadFixtures.put(n, item("pk", s("mixed"), "sk", AttrValue.n(v)));
        }
        ReadFixtures.put(n, item("pk", s("other"), "sk", n(1)));

        strings = uniqueTableName("query-s");
        Table st = ReadFixtures.createTable(client, emulator, strings, key("pk", "S", "sk", "S"), List.of(), List.of());
        for (String v : List.of("a", "ab", "abc", "abd", "b", "B", "é", "\uD83D\uDE00", "\uFFFF", "aa\uFFFF", "ac")) {
            ReadFixtures.put(st, item("pk", s("p"), "sk", s(v)));
        }

        binaries = uniqueTableName("query-b");
        Table b = ReadFixtures.createTable(client, emulator, binaries, key("pk", "S", "sk", "B"), List.of(), List.of());
        for (int v : new int[]{0x00, 0x01, 0x7f, 0x80, 0xff}) {
            ReadFixtures.put(b, item("pk", s("p"), "sk", new AttrValue.B(Bytes.wrap(new byte[]{(byte) v}))));
        }

        hashOnly = uniqueTableName("query-h");
        Table h = ReadFixtures.createTable(client, emulator, hashOnly, key("id", "S", null, null), List.of(), List.of());
        ReadFixtures.put(h, item("id", s("a"), "v", n(1)));
        ReadFixtures.put(h, item("id", s("b"), "v", n(2)));
    }

    private static Condition eq(AttributeValue value) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(value).build();
    }

    private static Condition cond(ComparisonOperator op, AttributeValue... values) {
        return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
    }

    private static List<String> sortKeys(QueryResponse response, String type) {
        List<String> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            AttributeValue v = item.get("sk");
            keys.add(type.equals("N") ? v.n() : v.s());
        }
        return keys;
    }

    private static QueryResponse query(String table, String pk, Condition sort, UnaryOperator<QueryRequest.Builder> more) {
        Map<String, Condition> conditions = new HashMap<>();
        conditions.put("pk", eq(AttributeValue.fromS(pk)));
        if (sort != null) conditions.put("sk", sort);
        return client.query(more.apply(QueryRequest.builder().tableName(table).keyConditions(conditions)).build());
    }

    @Test
    void numbersSortByValue() {
        assertEquals(List.of("-10", "-2.5", "0", "0.001", "2", "10", "100"),
                sortKeys(query(numbers, "mixed", null, b -> b), "N"));
    }

    @Test
    void stringsSortByUtf8Bytes() {
        // UTF-8 byte order is code point order: U+FFFF sorts before the emoji (U+1F600), unlike UTF-16 order.
        assertEquals(List.of("B", "a", "aa\uFFFF", "ab", "abc", "abd", "ac", "b", "é", "\uFFFF", "\uD83D\uDE00"),
                sortKeys(query(strings, "p", null, b -> b), "S"));
    }

    @Test
    void binariesSortAsUnsignedBytes() {
        QueryResponse response = query(binaries, "p", null, b -> b);
        List<Integer> firstBytes = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) firstBytes.add(item.get("sk").b().asByteArray()[0] & 0xff);
        assertEquals(List.of(0x00, 0x01, 0x7f, 0x80, 0xff), firstBytes);
    }

    @Test
    void scanIndexForwardFalseReversesTheOrder() {
        List<String> forward = sortKeys(query(strings, "p", null, b -> b), "S");
        List<String> backward = sortKeys(query(strings, "p", null, b -> b.scanIndexForward(false)), "S");
        Collections.reverse(forward);
        assertEquals(forward, backward);
    }

    @Test
    void queryReadsOnlyItsPartition() {
        QueryResponse response = query(numbers, "other", null, b -> b);
        assertEquals(1, response.count());
        assertEquals(1, response.scannedCount());
    }

    @Test
    void sortKeyOperatorsSelectTheirRange() {
        AttributeValue ab = AttributeValue.fromS("ab");
        assertEquals(List.of("ab"), sortKeys(query(strings, "p", cond(ComparisonOperator.EQ, ab), b -> b), "S"));
        assertEquals(List.of("B", "a", "aa\uFFFF"), sortKeys(query(strings, "p", cond(ComparisonOperator.LT, ab), b -> b), "S"));
        assertEquals(List.of("B", "a", "aa\uFFFF", "ab"), sortKeys(query(strings, "p", cond(ComparisonOperator.LE, ab), b -> b), "S"));
        assertEquals(List.of("abc", "abd", "ac", "b", "é", "\uFFFF", "\uD83D\uDE00"),
                sortKeys(query(strings, "p", cond(ComparisonOperator.GT, ab), b -> b), "S"));
        assertEquals(List.of("ab", "abc", "abd", "ac", "b", "é", "\uFFFF", "\uD83D\uDE00"),
                sortKeys(query(strings, "p", cond(ComparisonOperator.GE, ab), b -> b), "S"));
        assertEquals(List.of("ab", "abc", "abd", "ac"),
                sortKeys(query(strings, "p", cond(ComparisonOperator.BETWEEN, ab, AttributeValue.fromS("ac")), b -> b), "S"));
    }

    @Test
    void beginsWithSelectsThePrefixRangeBothWays() {
        Condition prefix = cond(ComparisonOperator.BEGINS_WITH, AttributeValue.fromS("ab"));
        assertEquals(List.of("ab", "abc", "abd"), sortKeys(query(strings, "p", prefix, b -> b), "S"));
        assertEquals(List.of("abd", "abc", "ab"), sortKeys(query(strings, "p", prefix, b -> b.scanIndexForward(false)), "S"));
        Condition maxChar = cond(ComparisonOperator.BEGINS_WITH, AttributeValue.fromS("\uFFFF"));
        assertEquals(List.of("\uFFFF"), sortKeys(query(strings, "p", maxChar, b -> b), "S"));
    }

    @Test
    void beginsWithOnBinaryUsesUnsignedBytes() {
        Condition prefix = cond(ComparisonOperator.BEGINS_WITH, AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{(byte) 0x80})));
        QueryResponse response = query(binaries, "p", prefix, b -> b);
        assertEquals(1, response.count());
        assertEquals((byte) 0x80, response.items().get(0).get("sk").b().asByteArray()[0]);
    }

    private static List<Integer> pageAll(Condition sort, boolean forward, int limit) {
        List<Integer> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = query(numbers, "big", sort, b -> b.scanIndexForward(forward).limit(limit).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : response.items()) seen.add(Integer.parseInt(item.get("sk").n()));
            start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return seen;
    }

    @Test
    void pagingForwardVisitsEveryItemOnceInOrder() {
        List<Integer> seen = pageAll(null, true, 101);
        assertEquals(BIG, seen.size());
        for (int i = 0; i < BIG; i++) assertEquals(i, seen.get(i));
    }

    @Test
    void pagingBackwardVisitsEveryItemOnceInReverseOrder() {
        List<Integer> seen = pageAll(null, false, 101);
        assertEquals(BIG, seen.size());
        for (int i = 0; i < BIG; i++) assertEquals(BIG - 1 - i, seen.get(i));
    }

    @Test
    void pagingWithinASortKeyRangeStaysInTheRange() {
        Condition between = cond(ComparisonOperator.BETWEEN, AttributeValue.fromN("1000"), AttributeValue.fromN("1999"));
        List<Integer> forward = pageAll(between, true, 77);
        assertEquals(1000, forward.size());
        assertEquals(1000, forward.get(0));
        assertEquals(1999, forward.get(999));
        List<Integer> backward = pageAll(between, false, 77);
        assertEquals(1000, new HashSet<>(backward).size());
        assertEquals(1999, backward.get(0));
    }

    @Test
    void lastEvaluatedKeyIsTheTableKeyOfTheLastItem() {
        QueryResponse response = query(numbers, "big", null, b -> b.limit(3));
        assertEquals(Map.of("pk", AttributeValue.fromS("big"), "sk", AttributeValue.fromN("2")), response.lastEvaluatedKey());
    }

    @Test
    void selectCountCountsWithoutItems() {
        QueryResponse response = query(numbers, "big", cond(ComparisonOperator.LT, AttributeValue.fromN("10")),
                b -> b.select(Select.COUNT));
        assertEquals(10, response.count());
        assertFalse(response.hasItems());
    }

    @Test
    void hashOnlyTableQueriesOneItem() {
        QueryResponse response = client.query(b -> b.tableName(hashOnly).keyConditions(Map.of("id", eq(AttributeValue.fromS("b")))));
        assertEquals(1, response.count());
        assertEquals("2", response.items().get(0).get("v").n());
    }

    @Test
    void consumedCapacityCountsTheItemsRead() {
        QueryResponse response = query(numbers, "big", cond(ComparisonOperator.LT, AttributeValue.fromN("10")),
                b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).consistentRead(true));
        assertEquals(1.0, response.consumedCapacity().capacityUnits());
        assertEquals(1.0, response.consumedCapacity().table().capacityUnits());
        assertTrue(response.consumedCapacity().globalSecondaryIndexes().isEmpty());
    }

    // Messages: dynalite test/query.js and actions/query.js (checked against DynamoDB).

    @Test
    void missingKeyConditionIsRejected() {
        assertDynamoError("ValidationException",
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
                () -> client.query(b -> b.tableName(numbers)));
    }

    @Test
    void conditionOnTheSortKeyAloneMissesThePartitionKey() {
        assertDynamoError("ValidationException", "Query condition missed key schema element: pk",
                () -> client.query(b -> b.tableName(numbers).keyConditions(Map.of("sk", eq(AttributeValue.fromN("1"))))));
    }

    @Test
    void conditionOnANonKeyAttributeMissesTheSortKey() {
        assertDynamoError("ValidationException", "Query condition missed key schema element: sk",
                () -> client.query(b -> b.tableName(numbers).keyConditions(Map.of(
                        "pk", eq(AttributeValue.fromS("big")), "odd", eq(AttributeValue.fromS("yes"))))));
    }

    @Test
    void twoConditionsOnAHashOnlyTableAreNotSupported() {
        assertDynamoError("ValidationException", "Query key condition not supported",
                () -> client.query(b -> b.tableName(hashOnly).keyConditions(Map.of(
                        "id", eq(AttributeValue.fromS("a")), "v", eq(AttributeValue.fromN("1"))))));
    }

    @Test
    void partitionKeyNeedsEquality() {
        assertDynamoError("ValidationException", "Query key condition not supported",
                () -> client.query(b -> b.tableName(hashOnly).keyConditions(Map.of(
                        "id", cond(ComparisonOperator.GT, AttributeValue.fromS("a"))))));
    }

    @Test
    void nonIndexableOperatorIsRejected() {
        assertDynamoError("ValidationException", "Attempted conditional constraint is not an indexable operation",
                () -> query(numbers, "big", cond(ComparisonOperator.NE, AttributeValue.fromN("1")), b -> b));
    }

    @Test
    void conditionValueOfTheWrongTypeIsRejected() {
        assertDynamoError("ValidationException",
                "One or more parameter values were invalid: Condition parameter type does not match schema type",
                () -> query(numbers, "big", cond(ComparisonOperator.EQ, AttributeValue.fromS("1")), b -> b));
    }

    @Test
    void startKeyWithTooFewAttributesIsInvalid() {
        assertDynamoError("ValidationException", "The provided starting key is invalid",
                () -> query(numbers, "big", null, b -> b.exclusiveStartKey(Map.of("pk", AttributeValue.fromS("big")))));
    }

    @Test
    void startKeyOfTheWrongTypeDoesNotMatchTheSchema() {
        assertDynamoError("ValidationException", "The provided key element does not match the schema",
                () -> query(numbers, "big", null, b -> b.exclusiveStartKey(Map.of(
                        "pk", AttributeValue.fromS("big"), "sk", AttributeValue.fromS("1")))));
    }

    @Test
    void startKeyInAnotherPartitionIsOutsideTheQuery() {
        assertDynamoError("ValidationException",
                "The provided starting key is outside query boundaries based on provided conditions",
                () -> query(numbers, "big", null, b -> b.exclusiveStartKey(Map.of(
                        "pk", AttributeValue.fromS("other"), "sk", AttributeValue.fromN("1")))));
    }

    @Test
    void startKeyOutsideTheSortRangeIsRejected() {
        assertDynamoError("ValidationException", "The provided starting key does not match the range key predicate",
                () -> query(numbers, "big", cond(ComparisonOperator.LT, AttributeValue.fromN("10")),
                        b -> b.exclusiveStartKey(Map.of("pk", AttributeValue.fromS("big"), "sk", AttributeValue.fromN("20")))));
    }

    @Test
    void startKeyInAnotherPartitionWithASortConditionCannotRestart() {
        assertDynamoError("ValidationException", "The query can return at most one row and cannot be restarted",
                () -> query(numbers, "big", cond(ComparisonOperator.LT, AttributeValue.fromN("10")),
                        b -> b.exclusiveStartKey(Map.of("pk", AttributeValue.fromS("other"), "sk", AttributeValue.fromN("5")))));
    }

    @Test
    void allAttributesWithAttributesToGetIsRejected() {
        assertDynamoError("ValidationException", "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES",
                () -> query(numbers, "big", null, b -> b.select(Select.ALL_ATTRIBUTES).attributesToGet("odd")));
    }
}
