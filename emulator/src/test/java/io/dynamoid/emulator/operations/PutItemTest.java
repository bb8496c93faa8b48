package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.RawClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** PutItem through the SDK; messages pinned by dynalite's test/putItem.js (checked against DynamoDB). */
class PutItemTest extends ItemTestBase {

    private static PutItemResponse put(String table, Map<String, AttributeValue> item) {
        return client.putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    private static void assertValidation(String message, String table, Map<String, AttributeValue> item) {
        assertDynamoError("ValidationException", message, () -> put(table, item));
    }

    /** An item of exactly {@code size} bytes: key "a" (random 36 chars) plus attribute "b" of filler. */
    private static Map<String, AttributeValue> itemOfSize(int size) {
        String key = randomString();
        return Map.of("a", s(key), "b", s("x".repeat(size - 1 - key.length() - 1)));
    }

    // ---------------------------------------------------------------- functionality

    @Test
    void putItemAnswersEmptyObject() {
        RawClient.Answer answer = raw.call("PutItem", "{\"TableName\":\"" + HASH_TABLE + "\",\"Item\":{\"a\":{\"S\":\"" + randomString() + "\"}}}");
        assertEquals(200, answer.status());
        assertEquals("{}", answer.body());
    }

    @Test
    void everyTypeRoundTrips() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("a", s(randomString()));
        item.put("b", n("-56.789"));
        item.put("c", b((byte) 'b'));
        item.put("d", AttributeValue.fromBool(false));
        item.put("e", AttributeValue.fromNul(true));
        item.put("f", AttributeValue.fromSs(List.of("a", "b")));
        item.put("g", AttributeValue.fromNs(List.of("-56.789", "3")));
        item.put("h", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("b"), SdkBytes.fromUtf8String("c"))));
        item.put("i", AttributeValue.fromL(List.of(s("a"), n("-56.789"), b((byte) 1), AttributeValue.fromBool(true),
                AttributeValue.fromNul(true), AttributeValue.fromSs(List.of("a")), AttributeValue.fromNs(List.of("1")),
                AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("b"))), AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of()))));
        item.put("j", AttributeValue.fromM(Map.of("a", s("a"), "b", n("1"),
                "j", AttributeValue.fromM(Map.of("a", AttributeValue.fromM(Map.of()), "b", AttributeValue.fromL(List.of(s("x"))))))));
        put(HASH_TABLE, item);
        assertEquals(item, get(HASH_TABLE, Map.of("a", item.get("a"))));
    }

    @Test
    void numbersAreNormalized() {
        // dynalite test/putItem.js "should put really long numbers" and "-0015.789e6" → "-15789000"
        String key = randomString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("a", s(key));
        item.put("b", n("0000012345678901234567890123456789012345678"));
        item.put("c", n("-00001.23456789012345678901234567890123456780000"));
        item.put("d", n("0009.99999999999999999999999999999999999990000e125"));
        item.put("f", n("0001.000e-130"));
        item.put("g", n("1.50"));
        item.put("h", n("-0"));
        item.put("i", n("-0015.789e6"));
        item.put("j", AttributeValue.fromNs(List.of("1.0", "2.50")));
        put(HASH_TABLE, item);
        Map<String, AttributeValue> stored = get(HASH_TABLE, Map.of("a", s(key)));
        assertEquals("12345678901234567890123456789012345678", stored.get("b").n());
        assertEquals("-1.2345678901234567890123456789012345678", stored.get("c").n());
        assertEquals("9".repeat(38) + "0".repeat(88), stored.get("d").n());
        assertEquals("0." + "0".repeat(129) + "1", stored.get("f").n());
        assertEquals("1.5", stored.get("g").n());
        assertEquals("0", stored.get("h").n());
        assertEquals("-15789000", stored.get("i").n());
        assertEquals(List.of("1", "2.5"), stored.get("j").ns());
    }

    @Test
    void emptyStringsAndBinariesAreAllowedOutsideKeys() {
        // dynalite test/putItem.js "should put empty values"
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "b", s(""), "c", b(),
                "d", AttributeValue.fromSs(List.of("")), "e", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[0]))));
        put(HASH_TABLE, item);
        assertEquals(item, get(HASH_TABLE, Map.of("a", item.get("a"))));
    }

    @Test
    void putReplacesTheWholeItem() {
        String key = randomString();
        put(HASH_TABLE, Map.of("a", s(key), "b", s("old"), "c", s("gone")));
        put(HASH_TABLE, Map.of("a", s(key), "b", s("new")));
        assertEquals(Map.of("a", s(key), "b", s("new")), get(HASH_TABLE, Map.of("a", s(key))));
    }

    @Test
    void rangeItemsWithTheSameHashAreDistinct() {
        String key = randomString();
        put(RANGE_TABLE, Map.of("a", s(key), "b", s("a"), "x", s("first")));
        put(RANGE_TABLE, Map.of("a", s(key), "b", s("b"), "x", s("second")));
        assertEquals(s("first"), get(RANGE_TABLE, Map.of("a", s(key), "b", s("a"))).get("x"));
    }

    @Test
    void returnValuesAllOldReturnsTheReplacedItem() {
        // dynalite test/putItem.js "should return correct old values when they exist"
        String key = randomString();
        put(HASH_TABLE, Map.of("a", s(key), "b", n("-0015.789e6"), "c", s("a")));
        PutItemResponse response = client.putItem(r -> r.tableName(HASH_TABLE).returnValues(ReturnValue.ALL_OLD)
                .item(Map.of("a", s(key), "b", s("b"), "c", s("a"))));
        assertEquals(Map.of("a", s(key), "b", n("-15789000"), "c", s("a")), response.attributes());
    }

    @Test
    void returnValuesAllOldOnNewItemReturnsNothing() {
        RawClient.Answer answer = raw.call("PutItem", "{\"TableName\":\"" + HASH_TABLE + "\",\"ReturnValues\":\"ALL_OLD\","
                + "\"Item\":{\"a\":{\"S\":\"" + randomString() + "\"}}}");
        assertEquals("{}", answer.body());
    }

    @Test
    void returnValuesNoneReturnsNothing() {
        String key = randomString();
        put(HASH_TABLE, Map.of("a", s(key)));
        PutItemResponse response = client.putItem(r -> r.tableName(HASH_TABLE).returnValues(ReturnValue.NONE).item(Map.of("a", s(key))));
        assertFalse(response.hasAttributes());
    }

    // ---------------------------------------------------------------- consumed capacity

    @Test
    void consumedCapacityIsOneUnitPerKilobyte() {
        // dynalite test/putItem.js "should return ConsumedCapacity for small item" / "for larger item"
        PutItemResponse small = client.putItem(r -> r.tableName(HASH_TABLE).item(itemOfSize(1024))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(1.0).build(), small.consumedCapacity());
        PutItemResponse larger = client.putItem(r -> r.tableName(HASH_TABLE).item(itemOfSize(1025))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(2.0, larger.consumedCapacity().capacityUnits());
    }

    @Test
    void consumedCapacityCountsTheLargerOfOldAndNewItem() {
        Map<String, AttributeValue> big = itemOfSize(3000);
        put(HASH_TABLE, big);
        PutItemResponse response = client.putItem(r -> r.tableName(HASH_TABLE).item(Map.of("a", big.get("a")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(3.0)
                .table(c -> c.capacityUnits(3.0)).build(), response.consumedCapacity());
    }

    @Test
    void consumedCapacityIndexesAddsWritesOfTouchedIndexes() {
        String key = randomString();
        PutItemResponse response = client.putItem(r -> r.tableName(RANGE_TABLE)
                .item(Map.of("a", s(key), "b", s("b"), "c", s("lsi"), "d", s("gsi")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(ConsumedCapacity.builder().tableName(RANGE_TABLE).capacityUnits(3.0)
                .table(c -> c.capacityUnits(1.0))
                .localSecondaryIndexes(Map.of("index1", Capacity.builder().capacityUnits(1.0).build()))
                .globalSecondaryIndexes(Map.of("index2", Capacity.builder().capacityUnits(1.0).build()))
                .build(), response.consumedCapacity());
    }

    @Test
    void changingAnIndexKeyCostsTwoIndexWrites() {
        String key = randomString();
        put(RANGE_TABLE, Map.of("a", s(key), "b", s("b"), "d", s("one")));
        PutItemResponse response = client.putItem(r -> r.tableName(RANGE_TABLE)
                .item(Map.of("a", s(key), "b", s("b"), "d", s("two")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(2.0, response.consumedCapacity().globalSecondaryIndexes().get("index2").capacityUnits());
        assertFalse(response.consumedCapacity().hasLocalSecondaryIndexes(), "item is in no LSI: no LSI write");
        assertEquals(3.0, response.consumedCapacity().capacityUnits());
    }

    @Test
    void consumedCapacityIsOmittedUnlessAsked() {
        PutItemResponse response = client.putItem(r -> r.tableName(HASH_TABLE).item(freshKey())
                .returnConsumedCapacity(ReturnConsumedCapacity.NONE));
        assertNull(response.consumedCapacity());
    }

    // ---------------------------------------------------------------- item collection metrics

    @Test
    void itemCollectionMetricsDescribeTheLsiCollection() {
        String key = randomString();
        PutItemResponse response = client.putItem(r -> r.tableName(RANGE_TABLE)
                .item(Map.of("a", s(key), "b", s("b"), "c", s("c")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertEquals(Map.of("a", s(key)), response.itemCollectionMetrics().itemCollectionKey());
        assertEquals(List.of(0.0, 1.0), response.itemCollectionMetrics().sizeEstimateRangeGB());
    }

    @Test
    void itemCollectionMetricsAreAbsentWithoutLsi() {
        PutItemResponse response = client.putItem(r -> r.tableName(HASH_TABLE).item(freshKey())
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertNull(response.itemCollectionMetrics());
    }

    // ---------------------------------------------------------------- table counts

    @Test
    void itemCountAndSizeAreExactAfterPutsAndDeletes() {
        createHashTable(client, "items-counted", ScalarAttributeType.S);
        put("items-counted", Map.of("a", s("k1"), "bb", s("xyz")));      // 1+2 + 2+3 = 8 bytes
        put("items-counted", Map.of("a", s("k2"), "n", n("123")));        // 1+2 + 1+3 = 7 bytes
        put("items-counted", Map.of("a", s("k1")));                       // replaces: 3 bytes
        TableDescription afterPuts = client.describeTable(r -> r.tableName("items-counted")).table();
        assertEquals(2, afterPuts.itemCount());
        assertEquals(10, afterPuts.tableSizeBytes());
        client.deleteItem(r -> r.tableName("items-counted").key(Map.of("a", s("k2"))));
        client.deleteItem(r -> r.tableName("items-counted").key(Map.of("a", s("missing"))));
        TableDescription afterDeletes = client.describeTable(r -> r.tableName("items-counted")).table();
        assertEquals(1, afterDeletes.itemCount());
        assertEquals(3, afterDeletes.tableSizeBytes());
    }

    @Test
    void concurrentWritesKeepCountsExact() throws Exception {
        createHashTable(client, "items-concurrent", ScalarAttributeType.S);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int seed = thread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        String key = "k" + ((seed * 7 + i) % 20);
                        if (i % 5 == 4) client.deleteItem(r -> r.tableName("items-concurrent").key(Map.of("a", s(key))));
                        else put("items-concurrent", Map.of("a", s(key), "v", s("x".repeat(i))));
                    }
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        List<Map<String, AttributeValue>> stored = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            Map<String, AttributeValue> item = get("items-concurrent", Map.of("a", s("k" + k)));
            if (!item.isEmpty()) stored.add(item);
        }
        long expectedBytes = 0;
        for (Map<String, AttributeValue> item : stored) expectedBytes += 1 + item.get("a").s().length() + (item.containsKey("v") ? 1 + item.get("v").s().length() : 0);
        TableDescription table = client.describeTable(r -> r.tableName("items-concurrent")).table();
        assertEquals(stored.size(), table.itemCount());
        assertEquals(expectedBytes, table.tableSizeBytes());
    }

    @Test
    void tableIsFoundByArn() {
        String key = randomString();
        client.putItem(r -> r.tableName(hashTable.tableArn()).item(Map.of("a", s(key))));
        assertEquals(Map.of("a", s(key)), get(HASH_TABLE, Map.of("a", s(key))));
    }

    // ---------------------------------------------------------------- validation

    @Test
    void missingTableNameAndItemAreBothReported() {
        RawClient.Answer answer = raw.call("PutItem", "{}");
        assertEquals("ValidationException", answer.errorType());
        assertEquals("2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'item' failed to satisfy constraint: Member must not be null", answer.message());
    }

    @Test
    void badEnumsAreReportedInMemberOrder() {
        RawClient.Answer answer = raw.call("PutItem", "{\"TableName\":\"abc;\",\"ReturnConsumedCapacity\":\"hi\","
                + "\"ReturnItemCollectionMetrics\":\"hi\",\"ReturnValues\":\"hi\"}");
        assertEquals("5 validation errors detected: "
                + "Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                + "Value null at 'item' failed to satisfy constraint: Member must not be null; "
                + "Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; "
                + "Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
                answer.message());
    }

    @Test
    void returnValuesOnConditionCheckFailureIsAnEnum() {
        RawClient.Answer answer = raw.call("PutItem", "{\"TableName\":\"abc\",\"Item\":{},\"ReturnValuesOnConditionCheckFailure\":\"ALL_NEW\"}");
        assertEquals("1 validation error detected: Value 'ALL_NEW' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ALL_OLD, NONE]", answer.message());
    }

    @Test
    void returnValuesOtherThanAllOldOrNoneAreRefused() {
        for (ReturnValue returnValue : List.of(ReturnValue.UPDATED_OLD, ReturnValue.ALL_NEW, ReturnValue.UPDATED_NEW)) {
            assertDynamoError("ValidationException", "ReturnValues can only be ALL_OLD or NONE",
                    () -> client.putItem(r -> r.tableName(HASH_TABLE).item(freshKey()).returnValues(returnValue)));
        }
    }

    @Test
    void emptyAttributeValueIsRefused() {
        RawClient.Answer answer = raw.call("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"a\":{}}}");
        assertEquals("ValidationException", answer.errorType());
        assertEquals("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes", answer.message());
    }

    @Test
    void invalidValuesAreRefusedWithDynamoDbMessages() {
        // dynalite test/putItem.js "should return ValidationException for invalid values in Item"
        Map<String, String> cases = Map.of(
                "{\"NULL\":false}", "One or more parameter values were invalid: Null attribute value types must have the value of true",
                "{\"SS\":[]}", "One or more parameter values were invalid: An string set  may not be empty",
                "{\"NS\":[]}", "One or more parameter values were invalid: An number set  may not be empty",
                "{\"BS\":[]}", "One or more parameter values were invalid: Binary sets should not be empty",
                "{\"SS\":[\"a\",\"a\"]}", "One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
                "{\"BS\":[\"Yg==\",\"Yg==\"]}", "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.",
                "{\"NS\":[\"1\",\"1.0\"]}", "Input collection contains duplicates",
                "{\"S\":\"a\",\"N\":\"1\"}", "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
                "{\"N\":\"b\"}", "The parameter cannot be converted to a numeric value: b",
                "{\"N\":\"1e126\"}", "Number overflow. Attempting to store a number with magnitude larger than supported range");
        cases.forEach((value, message) -> {
            RawClient.Answer answer = raw.call("PutItem", "{\"TableName\":\"abc\",\"Item\":{\"a\":" + value + "}}");
            assertEquals("ValidationException", answer.errorType(), value);
            assertEquals(message, answer.message(), value);
        });
    }

    @Test
    void numbersWithSurroundingSpacesAreRefused() {
        // As dynalite answers (its numbers are checked against DynamoDB's messages).
        assertValidation("The parameter cannot be converted to a numeric value:  12 ", HASH_TABLE, Map.of("a", s("k"), "b", n(" 12 ")));
    }

    @Test
    void valuesAreValidatedBeforeTheTableIsLookedUp() {
        assertValidation("One or more parameter values were invalid: An string set  may not be empty", "no-such-table",
                Map.of("a", AttributeValue.fromSs(List.of())));
    }

    @Test
    void itemOverFourHundredKilobytesIsRefused() {
        // dynalite test/putItem.js "should return ValidationException if item is too big with small attribute"
        assertValidation("Item size has exceeded the maximum allowed size", HASH_TABLE, itemOfSize(400 * 1024 + 1));
    }

    @Test
    void itemOfExactlyFourHundredKilobytesIsStored() {
        Map<String, AttributeValue> item = itemOfSize(400 * 1024);
        put(HASH_TABLE, item);
        assertEquals(item, get(HASH_TABLE, Map.of("a", item.get("a"))));
    }

    @Test
    void itemSizeIsCheckedBeforeTheTableIsLookedUp() {
        assertValidation("Item size has exceeded the maximum allowed size", "no-such-table", itemOfSize(400 * 1024 + 1));
    }

    @Test
    void unknownTableIsNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> put("no-such-table", freshKey()));
    }

    @Test
    void creatingTableIsNotFound() {
        createHashTable(client, "items-creating", ScalarAttributeType.S);
        markCreating("items-creating");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> put("items-creating", freshKey()));
    }

    @Test
    void missingKeyIsRefused() {
        assertValidation("One or more parameter values were invalid: Missing the key a in the item", HASH_TABLE, Map.of("b", s("a")));
        assertValidation("One or more parameter values were invalid: Missing the key b in the item", RANGE_TABLE, Map.of("a", s("a")));
    }

    @Test
    void keyOfTheWrongTypeIsRefused() {
        Map<String, AttributeValue> wrongTypes = Map.of("N", n("1"), "B", b((byte) 1), "BOOL", AttributeValue.fromBool(true),
                "NULL", AttributeValue.fromNul(true), "SS", AttributeValue.fromSs(List.of("a")), "M", AttributeValue.fromM(Map.of()),
                "L", AttributeValue.fromL(List.of()));
        wrongTypes.forEach((type, value) -> assertValidation(
                "One or more parameter values were invalid: Type mismatch for key a expected: S actual: " + type, HASH_TABLE, Map.of("a", value)));
    }

    @Test
    void emptyStringKeyIsRefused() {
        assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: a",
                HASH_TABLE, Map.of("a", s("")));
    }

    @Test
    void emptyBinaryKeyIsRefused() {
        assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: b",
                BINARY_RANGE_TABLE, Map.of("a", s("a"), "b", b()));
    }

    @Test
    void partitionKeyOverTwoKilobytesIsRefused() {
        assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
                HASH_TABLE, Map.of("a", s("a".repeat(2049))));
    }

    @Test
    void partitionKeySizeCountsUtf8Bytes() {
        assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
                HASH_TABLE, Map.of("a", s("é".repeat(1025))));
    }

    @Test
    void partitionKeyOfExactlyTwoKilobytesIsStored() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString() + "a".repeat(2048 - 36)));
        put(HASH_TABLE, item);
        assertEquals(item, get(HASH_TABLE, item));
    }

    @Test
    void sortKeyOverOneKilobyteIsRefused() {
        assertValidation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes",
                RANGE_TABLE, Map.of("a", s("a"), "b", s("b".repeat(1025))));
    }

    @Test
    void indexKeyOfTheWrongTypeIsRefused() {
        assertValidation("One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: index1",
                RANGE_TABLE, Map.of("a", s("a"), "b", s("b"), "c", n("1")));
        assertValidation("One or more parameter values were invalid: Type mismatch for Index Key d Expected: S Actual: N IndexName: index2",
                RANGE_TABLE, Map.of("a", s("a"), "b", s("b"), "d", n("1")));
    }

    @Test
    void emptyIndexKeyIsRefused() {
        // Real DynamoDB's message, quoted in architect/dynalite issue #184.
        assertValidation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                        + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: index2, IndexKey: d",
                RANGE_TABLE, Map.of("a", s("a"), "b", s("b"), "d", s("")));
    }

    @Test
    void refusedItemIsNotWritten() {
        String key = randomString();
        assertValidation("One or more parameter values were invalid: Type mismatch for Index Key d Expected: S Actual: N IndexName: index2",
                RANGE_TABLE, Map.of("a", s(key), "b", s("b"), "d", n("1")));
        assertFalse(client.getItem(r -> r.tableName(RANGE_TABLE).key(Map.of("a", s(key), "b", s("b")))).hasItem());
    }
}
