package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.RawClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BatchGetItem through the SDK; messages pinned by dynalite's test/batchGetItem.js (checked against DynamoDB). */
class BatchGetItemTest extends ItemTestBase {

    private static BatchGetItemResponse batchGet(Map<String, KeysAndAttributes> requestItems) {
        return client.batchGetItem(r -> r.requestItems(requestItems));
    }

    private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
        return KeysAndAttributes.builder().keys(keys).build();
    }

    private static void assertValidation(String message, Map<String, KeysAndAttributes> requestItems) {
        assertDynamoError("ValidationException", message, () -> batchGet(requestItems));
    }

    private static List<Map<String, AttributeValue>> hashKeys(int count) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) keys.add(Map.of("a", s(String.valueOf(i))));
        return keys;
    }

    @Test
    void missingKeysAnswerEmptyListsPerTable() {
        RawClient.Answer answer = raw.call("BatchGetItem", "{\"RequestItems\":{\"" + HASH_TABLE + "\":{\"Keys\":[{\"a\":{\"S\":\"" + randomString() + "\"}}]},"
                + "\"" + RANGE_TABLE + "\":{\"Keys\":[{\"a\":{\"S\":\"x\"},\"b\":{\"S\":\"" + randomString() + "\"}}]}}}");
        assertEquals("{\"Responses\":{\"" + HASH_TABLE + "\":[],\"" + RANGE_TABLE + "\":[]},\"UnprocessedKeys\":{}}", answer.body());
    }

    @Test
    void onlyExistingItemsAreReturned() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "b", n("1"));
        Map<String, AttributeValue> item3 = Map.of("a", s(randomString()), "b", n("3"));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item3));
        BatchGetItemResponse response = batchGet(Map.of(HASH_TABLE, KeysAndAttributes.builder().consistentRead(true)
                .keys(Map.of("a", item.get("a")), freshKey(), Map.of("a", item3.get("a")), freshKey()).build()));
        assertEquals(new HashSet<>(List.of(item, item3)), new HashSet<>(response.responses().get(HASH_TABLE)));
        assertTrue(response.unprocessedKeys().isEmpty());
    }

    @Test
    void attributesToGetApplyPerTable() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "b", n("1"), "c", s("c"));
        Map<String, AttributeValue> item4 = Map.of("a", s(randomString()));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item4));
        BatchGetItemResponse response = batchGet(Map.of(HASH_TABLE, KeysAndAttributes.builder().attributesToGet("b", "c")
                .keys(Map.of("a", item.get("a")), Map.of("a", item4.get("a"))).build()));
        assertEquals(new HashSet<>(List.of(Map.of("b", n("1"), "c", s("c")), Map.of())), new HashSet<>(response.responses().get(HASH_TABLE)));
    }

    @Test
    void consumedCapacityIsSummedPerTable() {
        // dynalite test/batchGetItem.js "should return ConsumedCapacity from each specified table ..."
        String key = randomString();
        Map<String, AttributeValue> big = Map.of("a", s(key), "b", s("x".repeat(4096 - 1 - key.length() - 1)));   // exactly 4 KB
        Map<String, AttributeValue> small = freshKey();
        client.putItem(r -> r.tableName(HASH_TABLE).item(big));
        client.putItem(r -> r.tableName(HASH_TABLE).item(small));
        for (boolean consistent : List.of(false, true)) {
            BatchGetItemResponse response = client.batchGetItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                    HASH_TABLE, KeysAndAttributes.builder().consistentRead(consistent).keys(Map.of("a", s(key)), small, freshKey()).build(),
                    NUMBER_TABLE, KeysAndAttributes.builder().consistentRead(consistent).keys(Map.of("a", n("-1"))).build())));
            double factor = consistent ? 1 : 0.5;
            assertEquals(new HashSet<>(List.of(
                    ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(3 * factor).build(),
                    ConsumedCapacity.builder().tableName(NUMBER_TABLE).capacityUnits(factor).build())), new HashSet<>(response.consumedCapacity()));
        }
    }

    @Test
    void consumedCapacityIndexesAddsTheTableBreakdown() {
        BatchGetItemResponse response = client.batchGetItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .requestItems(Map.of(HASH_TABLE, keys(List.of(freshKey())))));
        assertEquals(List.of(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(0.5).table(c -> c.capacityUnits(0.5)).build()),
                response.consumedCapacity());
    }

    @Test
    void itemsBeyondSixteenMegabytesAreUnprocessed() {
        String table = "items-batch-big";
        createHashTable(client, table, ScalarAttributeType.S);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        String filler = "x".repeat(400 * 1024 - 10);
        for (int i = 0; i < 42; i++) {       // 42 items of ~400 KB: about 16.4 MB
            Map<String, AttributeValue> key = Map.of("a", s(String.format("%03d", i)));
            client.putItem(r -> r.tableName(table).item(Map.of("a", key.get("a"), "b", s(filler))));
            keys.add(key);
        }
        BatchGetItemResponse response = batchGet(Map.of(table, KeysAndAttributes.builder().consistentRead(true).keys(keys).build()));
        int returned = response.responses().get(table).size();
        KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
        assertEquals(40, returned, "16 MB hold 40 items of 400 KB");
        assertEquals(2, unprocessed.keys().size());
        assertTrue(unprocessed.consistentRead(), "unprocessed keys keep their read options");
        Map<String, AttributeValue> retried = batchGet(Map.of(table, unprocessed)).responses().get(table).get(0);
        assertTrue(keys.contains(Map.of("a", retried.get("a"))));
    }

    // ---------------------------------------------------------------- validation

    @Test
    void missingRequestItemsIsReported() {
        RawClient.Answer answer = raw.call("BatchGetItem", "{}");
        assertEquals("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null", answer.message());
    }

    @Test
    void emptyRequestItemsIsReported() {
        RawClient.Answer answer = raw.call("BatchGetItem", "{\"RequestItems\":{}}");
        assertEquals("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", answer.message());
    }

    @Test
    void emptyKeysAndShortTableNameAreReported() {
        RawClient.Answer answer = raw.call("BatchGetItem", "{\"RequestItems\":{\"a\":{\"Keys\":[]}}}");
        assertTrue(answer.message().startsWith("2 validation errors detected: Value '"), answer.message());
        assertTrue(answer.message().contains("at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: "
                + "[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]; "), answer.message());
        assertTrue(answer.message().endsWith("Value '[]' at 'requestItems.a.member.keys' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1"), answer.message());
    }

    @Test
    void moreThanHundredKeysInOneTableAreRefusedByConstraint() {
        String message = assertThrows(DynamoDbException.class, () -> batchGet(Map.of("abc", keys(hashKeys(101))))).awsErrorDetails().errorMessage();
        assertTrue(message.startsWith("1 validation error detected: Value '["), message);
        assertTrue(message.endsWith("]' at 'requestItems.abc.member.keys' failed to satisfy constraint: "
                + "Member must have length less than or equal to 100"), message);
    }

    @Test
    void moreThanHundredKeysOverSeveralTablesAreRefused() {
        assertValidation("Too many items requested for the BatchGetItem call",
                Map.of("abc", keys(hashKeys(100)), "abd", keys(List.of(Map.of("a", s("100"))))));
    }

    @Test
    void hundredKeysOfUnknownTableAreNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> batchGet(Map.of("no-such-table", keys(hashKeys(100)))));
    }

    @Test
    void duplicateKeysAreRefused() {
        Map<String, AttributeValue> key = Map.of("a", s(randomString()), "b", n("1"));
        assertValidation("Provided list of item keys contains duplicates", Map.of("abc", keys(List.of(key, Map.of("b", n("1.0"), "a", key.get("a"))))));
    }

    @Test
    void duplicateAttributesToGetAreRefused() {
        assertValidation("One or more parameter values were invalid: Duplicate value in attribute name: a",
                Map.of("abc", KeysAndAttributes.builder().keys(freshKey()).attributesToGet("a", "a").build()));
    }

    @Test
    void invalidKeyValuesAreRefused() {
        assertValidation("One or more parameter values were invalid: An string set  may not be empty",
                Map.of("abc", keys(List.of(Map.of("a", AttributeValue.fromSs(List.of()))))));
    }

    @Test
    void keyNotMatchingTheSchemaIsRefused() {
        for (Map<String, AttributeValue> key : List.of(Map.<String, AttributeValue>of(), Map.of("b", s("a")),
                Map.of("a", s("a"), "b", s("a")), Map.of("a", n("1")))) {
            assertValidation("The provided key element does not match the schema", Map.of(HASH_TABLE, keys(List.of(key))));
        }
        assertValidation("The provided key element does not match the schema", Map.of(RANGE_TABLE, keys(List.of(Map.of("a", s("a"))))));
    }

    @Test
    void oversizedKeyIsRefused() {
        assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
                Map.of(HASH_TABLE, keys(List.of(Map.of("a", s("a".repeat(2049)))))));
    }

    @Test
    void creatingTableIsNotFound() {
        createHashTable(client, "items-batch-creating", ScalarAttributeType.S);
        markCreating("items-batch-creating");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> batchGet(Map.of("items-batch-creating", keys(List.of(freshKey())))));
    }
}
