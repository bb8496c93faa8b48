package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.RawClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TransactGetItems through the AWS SDK (and RawClient for requests the SDK will not send). */
class TransactGetItemsTest extends TransactTestBase {

    private static TransactGetItem get(String table, Map<String, AttributeValue> key) {
        return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build();
    }

    private static List<Map<String, AttributeValue>> items(TransactGetItemsResponse response) {
        return response.responses().stream().map(ItemResponse::item).toList();
    }

    @Test
    void answersOneEntryPerGetInRequestOrderAcrossTables() {
        String a = fresh(), b = fresh();
        putAccount(a, 1);
        Map<String, AttributeValue> order = Map.of("pk", s(b), "sk", s("1"), "total", n(9));
        client.putItem(p -> p.tableName(orders).item(order));

        TransactGetItemsResponse response = client.transactGetItems(r -> r.transactItems(
                get(orders, Map.of("pk", s(b), "sk", s("1"))), get(accounts, key(a))));

        assertEquals(List.of(order, account(a, 1)), items(response));
    }

    @Test
    void missingItemIsAnEmptyEntry() {
        String a = fresh();
        putAccount(a, 1);
        RawClient.Answer answer = raw.call("TransactGetItems", ("{'TransactItems':[{'Get':{'TableName':'" + accounts
                + "','Key':{'pk':{'S':'missing-" + a + "'}}}},{'Get':{'TableName':'" + accounts + "','Key':{'pk':{'S':'" + a + "'}}}}]}")
                .replace('\'', '"'));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{}", answer.json().get("Responses").get(0).toString());
        assertEquals(a, answer.json().get("Responses").get(1).get("Item").get("pk").get("S").textValue());
    }

    @Test
    void projectionExpressionSelectsAttributes() {
        String a = fresh();
        client.putItem(p -> p.tableName(accounts).item(Map.of("pk", s(a), "balance", n(3), "owner", s("ann"), "note", s("x"))));
        TransactGetItem projected = TransactGetItem.builder().get(Get.builder().tableName(accounts).key(key(a))
                .projectionExpression("#o, balance").expressionAttributeNames(Map.of("#o", "owner")).build()).build();

        TransactGetItemsResponse response = client.transactGetItems(r -> r.transactItems(projected));

        assertEquals(List.of(Map.of("owner", s("ann"), "balance", n(3))), items(response));
    }

    @Test
    void twoGetsOfOneItemAreRefused() {
        String a = fresh();
        assertDynamoError("ValidationException", "Transaction request cannot include multiple operations on one item",
                () -> client.transactGetItems(r -> r.transactItems(get(accounts, key(a)), get(accounts, key(a)))));
    }

    @Test
    void moreThanOneHundredGetsAreRefused() {
        List<TransactGetItem> gets = new ArrayList<>();
        for (int i = 0; i < 101; i++) gets.add(get(accounts, key(fresh())));
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.transactGetItems(r -> r.transactItems(gets)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().endsWith(
                "' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"), e.getMessage());
    }

    @Test
    void entryWithoutGetIsRefused() {
        RawClient.Answer answer = raw.call("TransactGetItems", "{\"TransactItems\":[{}]}");
        assertEquals("ValidationException", answer.errorType(), answer.body());
        assertEquals("1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: "
                + "Member must not be null", answer.message());
    }

    @Test
    void emptyTransactItemsIsRefused() {
        RawClient.Answer answer = raw.call("TransactGetItems", "{\"TransactItems\":[]}");
        assertEquals("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", answer.message());
    }

    @Test
    void unknownTableIsResourceNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> client.transactGetItems(r -> r.transactItems(get("no-such-table", key(fresh())))));
    }

    @Test
    void keyNotMatchingTheSchemaCancelsWithValidationError() {
        // As DynamoDB answers (ExtendDB's tests/test_transaction_operations.py).
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> client.transactGetItems(r -> r.transactItems(get(accounts, key(fresh())), get(orders, key(fresh())))));
        assertEquals(List.of("None", "ValidationError"), e.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertEquals("The provided key element does not match the schema", e.cancellationReasons().get(1).message());
    }

    @Test
    void placeholderNamesWithoutAProjectionAreIgnored() {
        String a = fresh();
        putAccount(a, 1);
        TransactGetItem named = TransactGetItem.builder().get(Get.builder().tableName(accounts).key(key(a))
                .expressionAttributeNames(Map.of("#n", "foo")).build()).build();
        assertEquals(List.of(account(a, 1)), items(client.transactGetItems(r -> r.transactItems(named))));
    }

    @Test
    void unusedExpressionAttributeNameIsRefused() {
        TransactGetItem unused = TransactGetItem.builder().get(Get.builder().tableName(accounts).key(key(fresh()))
                .projectionExpression("balance").expressionAttributeNames(Map.of("#o", "owner")).build()).build();
        assertDynamoError("ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: keys: {#o}",
                () -> client.transactGetItems(r -> r.transactItems(unused)));
    }

    @Test
    void consumedCapacityIsTwiceThatOfConsistentReadsPerTable() {
        String a = fresh();
        putAccount(a, 1);
        TransactGetItemsResponse response = client.transactGetItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(get(accounts, key(a)), get(accounts, key(fresh())), get(orders, Map.of("pk", s(a), "sk", s("1")))));
        Map<String, Double> units = new HashMap<>();
        for (ConsumedCapacity c : response.consumedCapacity()) units.put(c.tableName(), c.capacityUnits());
        assertEquals(Map.of(accounts, 4.0, orders, 2.0), units);
    }
}
