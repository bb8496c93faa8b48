package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.RawClient;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.Database;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BatchWriteItem through the SDK; messages pinned by dynalite's test/batchWriteItem.js (checked against DynamoDB). */
class BatchWriteItemTest extends ItemTestBase {

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    private static BatchWriteItemResponse batchWrite(Map<String, List<WriteRequest>> requestItems) {
        return client.batchWriteItem(r -> r.requestItems(requestItems));
    }

    private static void assertValidation(String message, Map<String, List<WriteRequest>> requestItems) {
        assertDynamoError("ValidationException", message, () -> batchWrite(requestItems));
    }

    private static boolean exists(String table, Map<String, AttributeValue> key) {
        return client.getItem(r -> r.tableName(table).key(key).consistentRead(true)).hasItem();
    }

    @Test
    void writesOneItemToEachTable() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "c", s("c"));
        Map<String, AttributeValue> item2 = Map.of("a", s(randomString()), "b", s(randomString()), "c", s("c"));
        RawClient.Answer answer = raw.call("BatchWriteItem", "{\"RequestItems\":{"
                + "\"" + HASH_TABLE + "\":[{\"PutRequest\":{\"Item\":{\"a\":{\"S\":\"" + item.get("a").s() + "\"},\"c\":{\"S\":\"c\"}}}}],"
                + "\"" + RANGE_TABLE + "\":[{\"PutRequest\":{\"Item\":{\"a\":{\"S\":\"" + item2.get("a").s() + "\"},\"b\":{\"S\":\""
                + item2.get("b").s() + "\"},\"c\":{\"S\":\"c\"}}}}]}}");
        assertEquals("{\"UnprocessedItems\":{}}", answer.body());
        assertEquals(item, client.getItem(r -> r.tableName(HASH_TABLE).key(Map.of("a", item.get("a")))).item());
        assertEquals(item2, client.getItem(r -> r.tableName(RANGE_TABLE).key(Map.of("a", item2.get("a"), "b", item2.get("b")))).item());
    }

    @Test
    void putsAndDeletesTogether() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "c", s("c"));
        Map<String, AttributeValue> item2 = Map.of("a", s(randomString()), "c", s("c"));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item));
        BatchWriteItemResponse response = batchWrite(Map.of(HASH_TABLE, List.of(delete(Map.of("a", item.get("a"))), put(item2))));
        assertTrue(response.unprocessedItems().isEmpty());
        assertFalse(exists(HASH_TABLE, Map.of("a", item.get("a"))));
        assertTrue(exists(HASH_TABLE, Map.of("a", item2.get("a"))));
    }

    @Test
    void theBatchReachesTheCommitListenerAsOneGroup() {
        // persistence writes one log record per group: a batch must arrive whole, never item by item
        Database database = emulator.databases().forRequest("AKIDTEST", "us-east-1");
        AtomicBoolean listening = new AtomicBoolean(true);
        List<List<Change>> groups = new ArrayList<>();
        database.addCommitListener(changes -> {
            if (!listening.get()) return;
            synchronized (groups) {
                groups.add(changes);
            }
        });
        try {
            Map<String, AttributeValue> item = Map.of("a", s(randomString()), "c", s("c"));
            Map<String, AttributeValue> item2 = Map.of("a", s(randomString()), "c", s("c"));
            batchWrite(Map.of(HASH_TABLE, List.of(put(item), put(item2), delete(freshKey()))));
        } finally {
            listening.set(false); // listeners cannot be removed; this one goes quiet
        }
        assertEquals(1, groups.size(), "one group per batch");
        assertEquals(2, groups.get(0).size(), "the delete of a missing item changes nothing");
    }

    @Test
    void deletingMissingItemsSucceeds() {
        BatchWriteItemResponse response = batchWrite(Map.of(HASH_TABLE, List.of(delete(freshKey()))));
        assertTrue(response.unprocessedItems().isEmpty());
    }

    @Test
    void consumedCapacityIsSummedPerTable() {
        // dynalite test/batchWriteItem.js "should return ConsumedCapacity from each specified table when putting and deleting ..."
        String key = randomString();
        Map<String, AttributeValue> larger = Map.of("a", s(key), "b", s("x".repeat(1025 - 1 - key.length() - 1)));   // 1025 bytes
        Map<String, AttributeValue> small = freshKey();
        BatchWriteItemResponse puts = client.batchWriteItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                HASH_TABLE, List.of(put(larger), put(small)), NUMBER_TABLE, List.of(put(Map.of("a", n("42")))))));
        assertEquals(new HashSet<>(List.of(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(3.0).build(),
                ConsumedCapacity.builder().tableName(NUMBER_TABLE).capacityUnits(1.0).build())), new HashSet<>(puts.consumedCapacity()));
        BatchWriteItemResponse deletes = client.batchWriteItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).requestItems(Map.of(
                HASH_TABLE, List.of(delete(Map.of("a", s(key))), delete(small)))));
        assertEquals(List.of(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(3.0).table(c -> c.capacityUnits(3.0)).build()),
                deletes.consumedCapacity());
    }

    @Test
    void itemCollectionMetricsListEachCollectionOfLsiTables() {
        String key = randomString();
        BatchWriteItemResponse response = client.batchWriteItem(r -> r.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE).requestItems(Map.of(
                RANGE_TABLE, List.of(put(Map.of("a", s(key), "b", s("1"))), put(Map.of("a", s(key), "b", s("2")))),
                HASH_TABLE, List.of(put(freshKey())))));
        assertEquals(1, response.itemCollectionMetrics().get(RANGE_TABLE).size(), "two items, one collection");
        assertEquals(Map.of("a", s(key)), response.itemCollectionMetrics().get(RANGE_TABLE).get(0).itemCollectionKey());
        assertFalse(response.itemCollectionMetrics().containsKey(HASH_TABLE), "no LSI, no metrics");
    }

    // ---------------------------------------------------------------- validation

    @Test
    void missingRequestItemsIsReported() {
        RawClient.Answer answer = raw.call("BatchWriteItem", "{}");
        assertEquals("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null", answer.message());
    }

    @Test
    void nullMembersOfWriteRequestsAreReported() {
        RawClient.Answer answer = raw.call("BatchWriteItem", "{\"RequestItems\":{\"abc\":[{\"PutRequest\":{},\"DeleteRequest\":{}}]}}");
        assertEquals("2 validation errors detected: "
                + "Value null at 'requestItems.abc.member.1.member.deleteRequest.key' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'requestItems.abc.member.1.member.putRequest.item' failed to satisfy constraint: Member must not be null",
                answer.message());
    }

    @Test
    void moreThanTwentyFiveRequestsAreRefused() {
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < 26; i++) requests.add(i % 2 == 0 ? put(Map.of("a", s(String.valueOf(i)))) : delete(Map.of("a", s(String.valueOf(i)))));
        String message = assertThrows(DynamoDbException.class, () -> batchWrite(Map.of("abc", requests))).awsErrorDetails().errorMessage();
        assertTrue(message.startsWith("1 validation error detected: Value '{"), message);
        assertTrue(message.endsWith("' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"), message);
    }

    @Test
    void emptyWriteRequestIsRefused() {
        RawClient.Answer answer = raw.call("BatchWriteItem", "{\"RequestItems\":{\"abc\":[{}]}}");
        assertEquals("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes", answer.message());
    }

    @Test
    void writeRequestWithPutAndDeleteIsRefused() {
        RawClient.Answer answer = raw.call("BatchWriteItem", "{\"RequestItems\":{\"" + HASH_TABLE + "\":[{\"PutRequest\":{\"Item\":{\"a\":{\"S\":\"x\"}}},"
                + "\"DeleteRequest\":{\"Key\":{\"a\":{\"S\":\"y\"}}}}]}}");
        assertEquals("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes", answer.message());
        assertFalse(exists(HASH_TABLE, Map.of("a", s("x"))));
    }

    @Test
    void twentyFiveRequestsOfUnknownTableAreNotFound() {
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < 25; i++) requests.add(i % 2 == 0 ? put(Map.of("a", s(String.valueOf(i)))) : delete(Map.of("a", s(String.valueOf(i)))));
        assertDynamoError("ResourceNotFoundException", "Requested resource not found", () -> batchWrite(Map.of("no-such-table", requests)));
    }

    @Test
    void tableIsLookedUpBeforeDuplicatesAreChecked() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()));
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> batchWrite(Map.of("no-such-table", List.of(put(item), delete(item)))));
    }

    @Test
    void putAndDeleteOfTheSameItemAreDuplicates() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "c", s("c"));
        Map<String, AttributeValue> key = Map.of("a", item.get("a"));
        assertValidation("Provided list of item keys contains duplicates", Map.of(HASH_TABLE, List.of(put(item), delete(key))));
        assertValidation("Provided list of item keys contains duplicates", Map.of(HASH_TABLE, List.of(delete(key), put(item))));
        assertFalse(exists(HASH_TABLE, key), "nothing of a refused batch is written");
    }

    @Test
    void invalidValuesAreRefused() {
        assertValidation("One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
                Map.of("abc", List.of(put(Map.of("a", AttributeValue.fromSs(List.of("a", "a")))))));
    }

    @Test
    void itemOverFourHundredKilobytesIsRefusedBeforeTableLookup() {
        assertValidation("Item size has exceeded the maximum allowed size",
                Map.of("no-such-table", List.of(put(Map.of("a", s("k"), "b", s("x".repeat(400 * 1024)))))));
    }

    @Test
    void putItemKeyNotMatchingTheSchemaIsRefused() {
        for (Map<String, AttributeValue> item : List.of(Map.<String, AttributeValue>of(), Map.of("b", s("a")), Map.of("a", n("1")),
                Map.of("a", AttributeValue.fromSs(List.of("a"))))) {
            assertValidation("The provided key element does not match the schema", Map.of(HASH_TABLE, List.of(put(item))));
        }
        assertValidation("The provided key element does not match the schema", Map.of(RANGE_TABLE, List.of(put(Map.of("a", s("a"))))));
    }

    @Test
    void deleteKeyNotMatchingTheSchemaIsRefused() {
        assertValidation("The provided key element does not match the schema",
                Map.of(HASH_TABLE, List.of(delete(Map.of("a", s("a"), "b", s("b"))))));
    }

    @Test
    void indexKeyOfTheWrongTypeIsRefused() {
        assertValidation("One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: index1",
                Map.of(RANGE_TABLE, List.of(put(Map.of("a", s("a"), "b", s("a"), "c", n("1"))))));
    }

    @Test
    void oversizedKeysAreRefused() {
        assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
                Map.of(HASH_TABLE, List.of(put(Map.of("a", s("a".repeat(2049)))))));
        assertValidation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes",
                Map.of(RANGE_TABLE, List.of(put(Map.of("a", s("a"), "b", s("b".repeat(1025)))))));
    }

    @Test
    void nothingIsWrittenWhenAnyRequestIsInvalid() {
        Map<String, AttributeValue> valid = freshKey();
        assertValidation("The provided key element does not match the schema",
                Map.of(HASH_TABLE, List.of(put(valid), put(Map.of("a", n("1"))))));
        assertFalse(exists(HASH_TABLE, valid));
    }

    @Test
    void nothingIsWrittenWhenAnotherTableIsMissing() {
        Map<String, AttributeValue> valid = freshKey();
        Map<String, List<WriteRequest>> requestItems = new LinkedHashMap<>();
        requestItems.put(HASH_TABLE, List.of(put(valid)));
        requestItems.put("no-such-table", List.of(put(freshKey())));
        assertDynamoError("ResourceNotFoundException", "Requested resource not found", () -> batchWrite(requestItems));
        assertFalse(exists(HASH_TABLE, valid));
    }
}
