package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.RawClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** GetItem through the SDK; messages pinned by dynalite's test/getItem.js (checked against DynamoDB). */
class GetItemTest extends ItemTestBase {

    private static void assertKeyError(String message, String table, Map<String, AttributeValue> key) {
        assertDynamoError("ValidationException", message, () -> client.getItem(r -> r.tableName(table).key(key)));
    }

    private static GetItemResponse getWithCapacity(Map<String, AttributeValue> key, boolean consistent, ReturnConsumedCapacity mode) {
        return client.getItem(r -> r.tableName(HASH_TABLE).key(key).consistentRead(consistent).returnConsumedCapacity(mode));
    }

    @Test
    void missingItemAnswersEmptyObject() {
        RawClient.Answer answer = raw.call("GetItem", "{\"TableName\":\"" + HASH_TABLE + "\",\"Key\":{\"a\":{\"S\":\"" + randomString() + "\"}}}");
        assertEquals(200, answer.status());
        assertEquals("{}", answer.body());
    }

    @Test
    void itemIsFoundByHashKey() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "b", s("a"), "g", n("23"));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item));
        assertEquals(item, client.getItem(r -> r.tableName(HASH_TABLE).key(Map.of("a", item.get("a")))).item());
    }

    @Test
    void itemIsFoundByNumberKeyInAnyNotation() {
        client.putItem(r -> r.tableName(NUMBER_TABLE).item(Map.of("a", n("1.50"), "x", s("y"))));
        assertEquals(Map.of("a", n("1.5"), "x", s("y")), client.getItem(r -> r.tableName(NUMBER_TABLE).key(Map.of("a", n("15e-1")))).item());
    }

    @Test
    void attributesToGetReturnsOnlyThoseAttributes() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "b", s("a"), "g", n("23"));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item));
        GetItemResponse response = client.getItem(r -> r.tableName(HASH_TABLE).key(Map.of("a", item.get("a"))).attributesToGet("b", "g", "missing"));
        assertEquals(Map.of("b", s("a"), "g", n("23")), response.item());
    }

    @Test
    void attributesToGetMatchingNothingAnswersEmptyItem() {
        String key = randomString();
        client.putItem(r -> r.tableName(HASH_TABLE).item(Map.of("a", s(key))));
        RawClient.Answer answer = raw.call("GetItem", "{\"TableName\":\"" + HASH_TABLE + "\",\"Key\":{\"a\":{\"S\":\"" + key + "\"}},"
                + "\"AttributesToGet\":[\"z\"]}");
        assertEquals("{\"Item\":{}}", answer.body());
    }

    @Test
    void duplicateAttributesToGetAreRefused() {
        assertDynamoError("ValidationException", "One or more parameter values were invalid: Duplicate value in attribute name: a",
                () -> client.getItem(r -> r.tableName(HASH_TABLE).key(freshKey()).attributesToGet("a", "a")));
    }

    @Test
    void eventuallyConsistentReadOfMissingItemCostsHalfAUnit() {
        // dynalite test/getItem.js "should return ConsumedCapacity if specified"
        assertEquals(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(0.5).build(),
                getWithCapacity(freshKey(), false, ReturnConsumedCapacity.TOTAL).consumedCapacity());
        assertEquals(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(0.5).table(c -> c.capacityUnits(0.5)).build(),
                getWithCapacity(freshKey(), false, ReturnConsumedCapacity.INDEXES).consumedCapacity());
    }

    @Test
    void consistentReadOfMissingItemCostsOneUnit() {
        assertEquals(1.0, getWithCapacity(freshKey(), true, ReturnConsumedCapacity.TOTAL).consumedCapacity().capacityUnits());
    }

    @Test
    void readCapacityIsOneUnitPerFourKilobytes() {
        String key = randomString();
        // 1 + 36 + 1 + 4058 = 4096 bytes: one unit; one byte more is two
        client.putItem(r -> r.tableName(HASH_TABLE).item(Map.of("a", s(key), "b", s("x".repeat(4058)))));
        assertEquals(1.0, getWithCapacity(Map.of("a", s(key)), true, ReturnConsumedCapacity.TOTAL).consumedCapacity().capacityUnits());
        client.putItem(r -> r.tableName(HASH_TABLE).item(Map.of("a", s(key), "b", s("x".repeat(4059)))));
        assertEquals(2.0, getWithCapacity(Map.of("a", s(key)), true, ReturnConsumedCapacity.TOTAL).consumedCapacity().capacityUnits());
        assertEquals(1.0, getWithCapacity(Map.of("a", s(key)), false, ReturnConsumedCapacity.TOTAL).consumedCapacity().capacityUnits());
    }

    @Test
    void keyNotMatchingTheSchemaIsRefused() {
        // dynalite test/getItem.js "should return ValidationException if key does not match schema"
        for (Map<String, AttributeValue> key : List.of(Map.<String, AttributeValue>of(), Map.of("b", s("a")), Map.of("a", s("a"), "b", s("a")),
                Map.of("a", b((byte) 1)), Map.of("a", n("1")), Map.of("a", AttributeValue.fromBool(true)),
                Map.of("a", AttributeValue.fromNul(true)), Map.of("a", AttributeValue.fromSs(List.of("a"))),
                Map.of("a", AttributeValue.fromM(Map.of())), Map.of("a", AttributeValue.fromL(List.of())))) {
            assertKeyError("The provided key element does not match the schema", HASH_TABLE, key);
        }
    }

    @Test
    void keyMissingTheSortKeyIsRefused() {
        assertKeyError("The provided key element does not match the schema", RANGE_TABLE, Map.of("a", s("a")));
    }

    @Test
    void emptyStringKeyIsRefused() {
        assertKeyError("One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty string value. Key: a",
                HASH_TABLE, Map.of("a", s("")));
    }

    @Test
    void emptyBinaryKeyIsRefused() {
        assertKeyError("One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty binary value. Key: b",
                BINARY_RANGE_TABLE, Map.of("a", s("a"), "b", b()));
    }

    @Test
    void oversizedKeysAreRefused() {
        assertKeyError("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
                HASH_TABLE, Map.of("a", s("a".repeat(2049))));
        assertKeyError("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes",
                RANGE_TABLE, Map.of("a", s("a"), "b", s("b".repeat(1025))));
    }

    @Test
    void invalidKeyValueIsRefusedBeforeTableLookup() {
        RawClient.Answer answer = raw.call("GetItem", "{\"TableName\":\"no-such-table\",\"Key\":{\"a\":{\"NS\":[\"1\",\"1\"]}}}");
        assertEquals("ValidationException", answer.errorType());
        assertEquals("Input collection contains duplicates", answer.message());
    }

    @Test
    void unknownTableIsNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> client.getItem(r -> r.tableName("no-such-table").key(Map.of())));
    }

    @Test
    void missingKeyMemberIsReported() {
        RawClient.Answer answer = raw.call("GetItem", "{\"TableName\":\"abc\"}");
        assertEquals("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null", answer.message());
    }

    @Test
    void attributesToGetMustNotBeEmpty() {
        RawClient.Answer answer = raw.call("GetItem", "{\"TableName\":\"abc\",\"Key\":{},\"AttributesToGet\":[]}");
        assertEquals("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", answer.message());
    }

    @Test
    void deletedItemIsGone() {
        Map<String, AttributeValue> key = freshKey();
        client.putItem(r -> r.tableName(HASH_TABLE).item(key));
        client.deleteItem(r -> r.tableName(HASH_TABLE).key(key));
        assertFalse(client.getItem(r -> r.tableName(HASH_TABLE).key(key).consistentRead(true)).hasItem());
    }
}
