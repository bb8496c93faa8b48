package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.RawClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** DeleteItem through the SDK; messages pinned by dynalite's test/deleteItem.js (checked against DynamoDB). */
class DeleteItemTest extends ItemTestBase {

    @Test
    void deletingMissingItemAnswersEmptyObject() {
        RawClient.Answer answer = raw.call("DeleteItem", "{\"TableName\":\"" + HASH_TABLE + "\",\"Key\":{\"a\":{\"S\":\"" + randomString() + "\"}}}");
        assertEquals(200, answer.status());
        assertEquals("{}", answer.body());
    }

    @Test
    void deleteRemovesTheItem() {
        Map<String, AttributeValue> key = Map.of("a", s(randomString()), "b", s("b"));
        client.putItem(r -> r.tableName(RANGE_TABLE).item(Map.of("a", key.get("a"), "b", key.get("b"), "x", s("1"))));
        client.putItem(r -> r.tableName(RANGE_TABLE).item(Map.of("a", key.get("a"), "b", s("other"))));
        client.deleteItem(r -> r.tableName(RANGE_TABLE).key(key));
        assertFalse(client.getItem(r -> r.tableName(RANGE_TABLE).key(key)).hasItem());
        assertEquals(true, client.getItem(r -> r.tableName(RANGE_TABLE).key(Map.of("a", key.get("a"), "b", s("other")))).hasItem(),
                "the item with the same partition key and another sort key stays");
    }

    @Test
    void returnValuesAllOldReturnsTheDeletedItem() {
        Map<String, AttributeValue> item = Map.of("a", s(randomString()), "b", s("b"));
        client.putItem(r -> r.tableName(HASH_TABLE).item(item));
        DeleteItemResponse response = client.deleteItem(r -> r.tableName(HASH_TABLE).key(Map.of("a", item.get("a"))).returnValues(ReturnValue.ALL_OLD));
        assertEquals(item, response.attributes());
    }

    @Test
    void returnValuesAllOldOfMissingItemReturnsNothing() {
        DeleteItemResponse response = client.deleteItem(r -> r.tableName(HASH_TABLE).key(freshKey()).returnValues(ReturnValue.ALL_OLD));
        assertFalse(response.hasAttributes());
    }

    @Test
    void returnValuesOtherThanAllOldOrNoneAreRefused() {
        // Real DynamoDB's answer, quoted in boto/boto3 issue #4339.
        for (ReturnValue returnValue : List.of(ReturnValue.UPDATED_OLD, ReturnValue.ALL_NEW, ReturnValue.UPDATED_NEW)) {
            assertDynamoError("ValidationException", "ReturnValues can only be ALL_OLD or NONE",
                    () -> client.deleteItem(r -> r.tableName(HASH_TABLE).key(freshKey()).returnValues(returnValue)));
        }
    }

    @Test
    void deletingMissingItemCostsOneUnit() {
        // dynalite test/deleteItem.js "should return ConsumedCapacity if specified and item does not exist"
        DeleteItemResponse total = client.deleteItem(r -> r.tableName(HASH_TABLE).key(freshKey()).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(1.0).build(), total.consumedCapacity());
        DeleteItemResponse indexes = client.deleteItem(r -> r.tableName(HASH_TABLE).key(freshKey()).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(ConsumedCapacity.builder().tableName(HASH_TABLE).capacityUnits(1.0).table(c -> c.capacityUnits(1.0)).build(), indexes.consumedCapacity());
    }

    @Test
    void deletingCostsTheOldItemSizeAndItsIndexEntries() {
        String key = randomString();
        client.putItem(r -> r.tableName(RANGE_TABLE).item(Map.of("a", s(key), "b", s("b"), "d", s("gsi"), "x", s("x".repeat(1500)))));
        DeleteItemResponse response = client.deleteItem(r -> r.tableName(RANGE_TABLE).key(Map.of("a", s(key), "b", s("b")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(2.0, response.consumedCapacity().table().capacityUnits());
        assertEquals(2.0, response.consumedCapacity().globalSecondaryIndexes().get("index2").capacityUnits());
        assertEquals(4.0, response.consumedCapacity().capacityUnits());
    }

    @Test
    void itemCollectionMetricsAreReturnedForLsiTables() {
        String key = randomString();
        DeleteItemResponse response = client.deleteItem(r -> r.tableName(RANGE_TABLE).key(Map.of("a", s(key), "b", s("b")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        assertEquals(Map.of("a", s(key)), response.itemCollectionMetrics().itemCollectionKey());
        assertEquals(List.of(0.0, 1.0), response.itemCollectionMetrics().sizeEstimateRangeGB());
    }

    @Test
    void keyNotMatchingTheSchemaIsRefused() {
        for (Map<String, AttributeValue> key : List.of(Map.<String, AttributeValue>of(), Map.of("b", s("a")),
                Map.of("a", s("a"), "b", s("a")), Map.of("a", n("1")))) {
            assertDynamoError("ValidationException", "The provided key element does not match the schema",
                    () -> client.deleteItem(r -> r.tableName(HASH_TABLE).key(key)));
        }
    }

    @Test
    void emptyStringKeyIsRefused() {
        assertDynamoError("ValidationException",
                "One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty string value. Key: a",
                () -> client.deleteItem(r -> r.tableName(HASH_TABLE).key(Map.of("a", s("")))));
    }

    @Test
    void unknownTableIsNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> client.deleteItem(r -> r.tableName("no-such-table").key(freshKey())));
    }

    @Test
    void invalidKeyValueIsRefusedBeforeTableLookup() {
        RawClient.Answer answer = raw.call("DeleteItem", "{\"TableName\":\"no-such-table\",\"Key\":{\"a\":{\"NULL\":false}}}");
        assertEquals("One or more parameter values were invalid: Null attribute value types must have the value of true", answer.message());
    }
}
