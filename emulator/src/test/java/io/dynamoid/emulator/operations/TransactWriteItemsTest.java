package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.RawClient;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.Database;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TransactWriteItems through the AWS SDK (and RawClient for requests the SDK will not send). dynalite has
 * no transactions; messages come from the API reference and from real DynamoDB answers quoted publicly
 * (each test says where).
 */
class TransactWriteItemsTest extends TransactTestBase {

    private static TransactWriteItemsResponse transact(TransactWriteItem... actions) {
        return client.transactWriteItems(b -> b.transactItems(actions));
    }

    private static TransactionCanceledException cancelled(TransactWriteItem... actions) {
        return assertThrows(TransactionCanceledException.class, () -> transact(actions));
    }

    private static List<String> codes(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).toList();
    }

    // ---------------------------------------------------------------- applying

    @Test
    void appliesPutUpdateAndDeleteAcrossTablesTogether() {
        String a = fresh(), b = fresh(), c = fresh();
        putAccount(a, 10);
        putAccount(b, 5);
        Map<String, AttributeValue> order = Map.of("pk", s(c), "sk", s("1"), "total", n(3));

        transact(put(orders, order), addToBalance(a, -3), delete(accounts, key(b)));

        assertEquals(order, stored(orders, Map.of("pk", s(c), "sk", s("1"))));
        assertEquals("7", stored(accounts, key(a)).get("balance").n());
        assertTrue(stored(accounts, key(b)).isEmpty());
    }

    @Test
    void conditionCheckThatHoldsLetsTheOtherActionsApplyAndWritesNothing() {
        String a = fresh(), b = fresh();
        putAccount(a, 10);
        putAccount(b, 0);

        transact(checkBalanceAtLeast(a, 10), addToBalance(b, 1));

        assertEquals(account(a, 10), stored(accounts, key(a)));
        assertEquals("1", stored(accounts, key(b)).get("balance").n());
    }

    @Test
    void updateOfAMissingItemCreatesIt() {
        String a = fresh();
        transact(addToBalance(a, 4));
        assertEquals(account(a, 4), stored(accounts, key(a)));
    }

    @Test
    void deleteOfAMissingItemSucceeds() {
        String a = fresh();
        transact(delete(accounts, key(a)));
        assertTrue(stored(accounts, key(a)).isEmpty());
    }

    @Test
    void sameKeyInTwoTablesIsTwoItems() {
        String a = fresh();
        transact(put(accounts, account(a, 1)), put(orders, Map.of("pk", s(a), "sk", s(a))));
        assertEquals(account(a, 1), stored(accounts, key(a)));
    }

    @Test
    void conditionOnPutDeleteAndUpdateSeesTheItemBeforeTheTransaction() {
        String a = fresh(), b = fresh(), c = fresh();
        putAccount(b, 1);
        putAccount(c, 1);
        transact(
                TransactWriteItem.builder().put(Put.builder().tableName(accounts).item(account(a, 1))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(accounts).key(key(b))
                        .conditionExpression("balance = :one").expressionAttributeValues(Map.of(":one", n(1)))).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(key(c)).updateExpression("SET balance = :two")
                        .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":two", n(2))).build()).build());
        assertEquals(account(a, 1), stored(accounts, key(a)));
        assertTrue(stored(accounts, key(b)).isEmpty());
        assertEquals(account(c, 2), stored(accounts, key(c)));
    }

    // ---------------------------------------------------------------- cancelling

    @Test
    void failedConditionCancelsEveryActionWithReasonsInRequestOrder() {
        String a = fresh(), b = fresh();
        putAccount(a, 1);
        putAccount(b, 1);

        TransactionCanceledException e = cancelled(addToBalance(b, 100), checkBalanceAtLeast(a, 5));

        // Message format and reason codes as real DynamoDB answers (boto/boto3 issue #2657).
        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
                e.awsErrorDetails().errorMessage());
        assertEquals("TransactionCanceledException", e.awsErrorDetails().errorCode());
        assertEquals(List.of("None", "ConditionalCheckFailed"), codes(e));
        assertEquals("The conditional request failed", e.cancellationReasons().get(1).message());
        assertEquals(account(b, 1), stored(accounts, key(b)));
    }

    @Test
    void everyFailingConditionIsReported() {
        String a = fresh(), b = fresh();
        putAccount(a, 1);
        putAccount(b, 1);
        TransactionCanceledException e = cancelled(checkBalanceAtLeast(a, 5), checkBalanceAtLeast(b, 5));
        assertEquals(List.of("ConditionalCheckFailed", "ConditionalCheckFailed"), codes(e));
    }

    @Test
    void conditionOnAMissingItemFails() {
        TransactionCanceledException e = cancelled(checkBalanceAtLeast(fresh(), 0));
        assertEquals(List.of("ConditionalCheckFailed"), codes(e));
        assertTrue(e.cancellationReasons().get(0).item().isEmpty());
    }

    @Test
    void returnValuesOnConditionCheckFailureAllOldPutsTheItemInTheReason() {
        String a = fresh();
        putAccount(a, 1);
        TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(accounts).key(key(a))
                .conditionExpression("balance > :x").expressionAttributeValues(Map.of(":x", n(1)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();

        TransactionCanceledException e = cancelled(check);

        assertEquals(account(a, 1), e.cancellationReasons().get(0).item());
    }

    @Test
    void reasonHasNoItemWithoutAllOld() {
        String a = fresh();
        putAccount(a, 1);
        TransactionCanceledException e = cancelled(checkBalanceAtLeast(a, 2));
        assertTrue(e.cancellationReasons().get(0).item().isEmpty());
    }

    @Test
    void updateWithAnOperandOfTheWrongTypeCancelsWithValidationError() {
        String a = fresh(), b = fresh();
        client.putItem(p -> p.tableName(accounts).item(Map.of("pk", s(a), "balance", s("not a number"))));
        putAccount(b, 1);

        TransactionCanceledException e = cancelled(addToBalance(b, 1), addToBalance(a, 1));

        assertEquals(List.of("None", "ValidationError"), codes(e));
        // UpdateItem's message for the same update (dynalite's test/updateItem.js).
        assertEquals("An operand in the update expression has an incorrect data type", e.cancellationReasons().get(1).message());
        assertEquals(account(b, 1), stored(accounts, key(b)));
    }

    @Test
    void updateGrowingTheItemPastTheSizeLimitCancels() {
        String a = fresh();
        String big = "x".repeat(300 * 1024);
        client.putItem(p -> p.tableName(accounts).item(Map.of("pk", s(a), "one", s(big))));
        TransactWriteItem grow = TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(key(a))
                .updateExpression("SET two = :big").expressionAttributeValues(Map.of(":big", s(big))).build()).build();

        TransactionCanceledException e = cancelled(grow);

        assertEquals(List.of("ValidationError"), codes(e));
        assertEquals("Item size to update has exceeded the maximum allowed size", e.cancellationReasons().get(0).message());
    }

    @Test
    void cancellationBodyIsWrittenAsDynamoDbWritesIt() {
        String a = fresh();
        RawClient.Answer answer = raw.call("TransactWriteItems", ("{'TransactItems':[{'ConditionCheck':{'TableName':'" + accounts
                + "','Key':{'pk':{'S':'" + a + "'}},'ConditionExpression':'attribute_exists(pk)'}}]}").replace('\'', '"'));
        assertEquals(400, answer.status());
        assertEquals("com.amazonaws.dynamodb.v20120810#TransactionCanceledException", answer.json().get("__type").textValue());
        assertEquals("[{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\"}]",
                answer.json().get("CancellationReasons").toString());
        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]",
                answer.json().get("Message").textValue());
    }

    // ---------------------------------------------------------------- validation

    @Test
    void twoActionsOnOneItemAreRefused() {
        String a = fresh();
        // Real DynamoDB's answer (getmoto/moto PR #7378).
        assertDynamoError("ValidationException", "Transaction request cannot include multiple operations on one item",
                () -> transact(put(accounts, account(a, 1)), delete(accounts, key(a))));
        assertTrue(stored(accounts, key(a)).isEmpty());
    }

    @Test
    void anEntryWithTwoActionsIsRefused() {
        // Message from getmoto/moto's tests against DynamoDB.
        assertTransactError("{'TransactItems':[{'Put':{'TableName':'" + accounts + "','Item':{'pk':{'S':'x'}}},"
                        + "'Delete':{'TableName':'" + accounts + "','Key':{'pk':{'S':'x'}}}}]}",
                "ValidationException", "TransactItems can only contain one of Check, Put, Update or Delete");
    }

    @Test
    void anEntryWithNoActionIsRefused() {
        assertTransactError("{'TransactItems':[{}]}", "ValidationException",
                "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
    }

    @Test
    void emptyTransactItemsIsRefused() {
        assertTransactError("{'TransactItems':[]}", "ValidationException",
                "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void missingTransactItemsIsRefused() {
        assertTransactError("{}", "ValidationException",
                "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void moreThanOneHundredActionsAreRefused() {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 101; i++) actions.add(put(accounts, account(fresh(), i)));
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> client.transactWriteItems(b -> b.transactItems(actions)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("1 validation error detected: Value '["), e.getMessage());
        assertTrue(e.awsErrorDetails().errorMessage().endsWith(
                "' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"), e.getMessage());
    }

    @Test
    void oneHundredActionsAreAccepted() {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 100; i++) actions.add(put(accounts, account(fresh(), i)));
        client.transactWriteItems(b -> b.transactItems(actions));
        Map<String, AttributeValue> last = actions.get(99).put().item();
        assertEquals(last, stored(accounts, Map.of("pk", last.get("pk"))));
    }

    @Test
    void conditionCheckNeedsAConditionExpression() {
        assertTransactError("{'TransactItems':[{'ConditionCheck':{'TableName':'" + accounts + "','Key':{'pk':{'S':'x'}}}}]}",
                "ValidationException", "1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' "
                        + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void updateNeedsAnUpdateExpression() {
        assertTransactError("{'TransactItems':[{'Update':{'TableName':'" + accounts + "','Key':{'pk':{'S':'x'}}}}]}",
                "ValidationException", "1 validation error detected: Value null at 'transactItems.1.member.update.updateExpression' "
                        + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void nestedTableNameIsValidatedWithItsPath() {
        assertTransactError("{'TransactItems':[{'Put':{'TableName':'ab','Item':{'pk':{'S':'x'}}}}]}",
                "ValidationException", "1 validation error detected: Value 'ab' at 'transactItems.1.member.put.tableName' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 3");
    }

    @Test
    void clientRequestTokenIsAtMost36Characters() {
        String token = "x".repeat(37);
        assertDynamoError("ValidationException", "1 validation error detected: Value '" + token + "' at 'clientRequestToken' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 36",
                () -> client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(put(accounts, account(fresh(), 1)))));
    }

    @Test
    void unknownTableIsResourceNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> transact(put(accounts, account(fresh(), 1)), put("no-such-table", account(fresh(), 1))));
    }

    // A refused key cancels the transaction with a ValidationError for its action (ExtendDB's
    // tests/test_transaction_operations.py and test_transaction_key_size_validation.py, matching DynamoDB).

    @Test
    void keyNotMatchingTheSchemaCancelsWithValidationError() {
        String a = fresh();
        TransactionCanceledException e = cancelled(put(accounts, account(a, 1)), delete(accounts, Map.of("pk", n(1))));
        assertEquals(List.of("None", "ValidationError"), codes(e));
        assertEquals("The provided key element does not match the schema", e.cancellationReasons().get(1).message());
        assertTrue(stored(accounts, key(a)).isEmpty());
    }

    @Test
    void putWithoutTheKeyCancelsWithValidationError() {
        TransactionCanceledException e = cancelled(put(accounts, Map.of("balance", n(1))));
        assertEquals("One or more parameter values were invalid: Missing the key pk in the item", e.cancellationReasons().get(0).message());
    }

    @Test
    void oversizedPartitionKeyCancelsWithValidationError() {
        TransactionCanceledException e = cancelled(checkBalanceAtLeast("k".repeat(2049), 0));
        assertEquals(List.of("ValidationError"), codes(e));
        assertEquals("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes",
                e.cancellationReasons().get(0).message());
    }

    @Test
    void emptyKeyValueIsARequestError() {
        assertDynamoError("ValidationException", "One or more parameter values were invalid: "
                        + "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
                () -> transact(delete(accounts, key(""))));
    }

    @Test
    void placeholdersWithoutAnExpressionAreIgnored() {
        // DynamoDB accepts them in transactions (ExtendDB's tests/test_transact_expression_validation.py).
        String a = fresh();
        transact(TransactWriteItem.builder().put(Put.builder().tableName(accounts).item(account(a, 1))
                .expressionAttributeNames(Map.of("#n", "foo")).expressionAttributeValues(Map.of(":v", n(1))).build()).build());
        assertEquals(account(a, 1), stored(accounts, key(a)));
    }

    @Test
    void expressionErrorsNameTheirParameter() {
        TransactWriteItem update = TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(key(fresh()))
                .updateExpression("SET status = :v").expressionAttributeValues(Map.of(":v", n(1))).build()).build();
        // Captured from DynamoDB (ExtendDB's tests/test_transact_expression_validation.py).
        assertDynamoError("ValidationException", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status",
                () -> transact(update));
    }

    @Test
    void updateOfAKeyAttributeIsRefused() {
        TransactWriteItem update = TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(key(fresh()))
                .updateExpression("SET pk = :x").expressionAttributeValues(Map.of(":x", s("y"))).build()).build();
        // UpdateItem's message (dynalite's test/updateItem.js).
        assertDynamoError("ValidationException",
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
                () -> transact(update));
    }

    @Test
    void unusedExpressionAttributeValueIsRefused() {
        TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(accounts).key(key(fresh()))
                .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":unused", n(1))).build()).build();
        assertDynamoError("ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                () -> transact(check));
    }

    @Test
    void invalidConditionExpressionIsRefusedBeforeAnyTableIsLookedUp() {
        TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("no-such-table")
                .key(key(fresh())).conditionExpression("attribute_exists(").build()).build();
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> transact(check));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("Invalid ConditionExpression: "), e.getMessage());
    }

    @Test
    void transactionOverFourMegabytesIsRefused() {
        String big = "x".repeat(390 * 1024);
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 11; i++) actions.add(put(accounts, Map.of("pk", s(fresh()), "data", s(big))));
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> client.transactWriteItems(b -> b.transactItems(actions)));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        // Real DynamoDB's wording, repeated as it sends it (quoted in public test suites of DynamoDB clients).
        assertTrue(e.awsErrorDetails().errorMessage().startsWith(
                "Transaction payload size cannot exceed 4MB. Payload Size: : Transaction payload size cannot exceed 4MB. Payload Size: "), e.getMessage());
        assertTrue(stored(accounts, Map.of("pk", actions.get(0).put().item().get("pk"))).isEmpty());
    }

    @Test
    void tableArnNamesTheTable() {
        String a = fresh();
        String arn = client.describeTable(d -> d.tableName(accounts)).table().tableArn();
        transact(put(arn, account(a, 3)));
        assertEquals(account(a, 3), stored(accounts, key(a)));
    }

    // ---------------------------------------------------------------- capacity

    @Test
    void consumedCapacityIsTwiceThatOfPlainWritesPerTable() {
        String a = fresh();
        TransactWriteItemsResponse response = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(put(accounts, account(a, 1)), put(orders, Map.of("pk", s(a), "sk", s("1"))),
                        delete(accounts, key(fresh()))));
        Map<String, Double> units = new java.util.HashMap<>();
        for (ConsumedCapacity c : response.consumedCapacity()) units.put(c.tableName(), c.capacityUnits());
        assertEquals(Map.of(accounts, 4.0, orders, 2.0), units);
    }

    @Test
    void itemCollectionMetricsAreReturnedForTablesWithLocalIndexes() {
        String table = uniqueTableName("lsi");
        client.createTable(t -> t.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("pk"), stringAttribute("sk"), stringAttribute("at"))
                .keySchema(keyElement("pk", KeyType.HASH), keyElement("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-at")
                        .keySchema(keyElement("pk", KeyType.HASH), keyElement("at", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        String a = fresh();

        TransactWriteItemsResponse response = client.transactWriteItems(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .transactItems(put(table, Map.of("pk", s(a), "sk", s("1"), "at", s("x"))), put(accounts, account(a, 1))));

        assertEquals(List.of(table), List.copyOf(response.itemCollectionMetrics().keySet()));
        assertEquals(Map.of("pk", s(a)), response.itemCollectionMetrics().get(table).get(0).itemCollectionKey());
        assertEquals(List.of(0.0, 1.0), response.itemCollectionMetrics().get(table).get(0).sizeEstimateRangeGB());
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement keyElement(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Test
    void globalIndexSeesAllOfATransactionOrNoneOfIt() {
        String table = uniqueTableName("gsi");
        client.createTable(t -> t.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("pk"), stringAttribute("owner"))
                .keySchema(keyElement("pk", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-owner").keySchema(keyElement("owner", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        String owner = fresh(), a = fresh(), b = fresh();
        client.putItem(p -> p.tableName(table).item(Map.of("pk", s(b), "owner", s(owner))));

        cancelled(put(table, Map.of("pk", s(a), "owner", s(owner))), checkBalanceAtLeast(fresh(), 0));
        assertEquals(List.of(b), ownedBy(table, owner));

        transact(put(table, Map.of("pk", s(a), "owner", s(owner))), delete(table, Map.of("pk", s(b))));
        assertEquals(List.of(a), ownedBy(table, owner));
    }

    /** The keys of the items the index lists under {@code owner}. */
    private static List<String> ownedBy(String table, String owner) {
        return client.query(q -> q.tableName(table).indexName("by-owner").keyConditionExpression("#o = :o")
                        .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s(owner))))
                .items().stream().map(item -> item.get("pk").s()).toList();
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void sameTokenAndRequestAppliesOnce() {
        String a = fresh(), token = fresh();
        putAccount(a, 0);
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addToBalance(a, 1)));
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addToBalance(a, 1)));
        assertEquals("1", stored(accounts, key(a)).get("balance").n());
    }

    @Test
    void replayReportsReadCapacity() {
        String a = fresh(), token = fresh();
        putAccount(a, 0);
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addToBalance(a, 1)));
        TransactWriteItemsResponse replay = client.transactWriteItems(b -> b.clientRequestToken(token)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(addToBalance(a, 1)));
        assertEquals(1.0, replay.consumedCapacity().get(0).capacityUnits());
    }

    @Test
    void sameTokenWithAnotherRequestIsAMismatch() {
        String a = fresh(), token = fresh();
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addToBalance(a, 1)));
        IdempotentParameterMismatchException e = assertThrows(IdempotentParameterMismatchException.class,
                () -> client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addToBalance(a, 2))));
        // Real DynamoDB's message (quoted in aexhq/brain PR #58).
        assertEquals("Specified idempotent token was used with different request parameters within the idempotency window",
                e.awsErrorDetails().errorMessage());
        assertEquals("1", stored(accounts, key(a)).get("balance").n());
    }

    @Test
    void cancelledTransactionDoesNotUseUpItsToken() {
        String a = fresh(), token = fresh();
        TransactWriteItem[] actions = {checkBalanceAtLeast(a, 0), put(orders, Map.of("pk", s(a), "sk", s("1")))};
        assertThrows(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(actions)));
        putAccount(a, 0);
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(actions));
        assertEquals(Map.of("pk", s(a), "sk", s("1")), stored(orders, Map.of("pk", s(a), "sk", s("1"))));
    }

    @Test
    void tokensBelongToOneAccount() {
        String a = fresh(), token = fresh();
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addToBalance(a, 1)));
        // Another access key has its own tables and its own tokens: the same token there is a new request.
        try (var other = newClient("AKIDOTHER", "us-east-1")) {
            other.createTable(t -> t.tableName(accounts).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(stringAttribute("pk")).keySchema(keyElement("pk", KeyType.HASH)));
            other.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addToBalance(a, 2)));
            assertEquals("2", other.getItem(g -> g.tableName(accounts).key(key(a))).item().get("balance").n());
        }
        assertEquals("1", stored(accounts, key(a)).get("balance").n());
    }

    // ---------------------------------------------------------------- group commit

    @Test
    void commitListenerHearsOneGroupPerTransactionAndOnePerSingleWrite() {
        Database database = emulator.databases().forRequest("AKIDTEST", "us-east-1");
        List<List<Change>> groups = Collections.synchronizedList(new ArrayList<>());
        String a = fresh(), b = fresh();
        database.commitListener(groups::add);
        try {
            putAccount(a, 5);
            transact(addToBalance(a, -2), put(accounts, account(b, 2)), delete(accounts, key(fresh())));
        } finally {
            database.commitListener(null);
        }
        assertEquals(2, groups.size());
        assertEquals(1, groups.get(0).size());
        List<Change> transaction = groups.get(1);
        // The delete of a missing item changes nothing and is left out.
        assertEquals(2, transaction.size());
        assertEquals(new AttrValue.N(new BigDecimal(5)), transaction.get(0).oldItem().get("balance"));
        assertEquals(new AttrValue.N(new BigDecimal(3)), transaction.get(0).newItem().get("balance"));
        assertEquals(null, transaction.get(1).oldItem());
        assertEquals(accounts, transaction.get(1).table().name());
    }

    private static void assertTransactError(String json, String type, String message) {
        RawClient.Answer answer = raw.call("TransactWriteItems", json.replace('\'', '"'));
        assertEquals(400, answer.status(), answer.body());
        assertEquals(type, answer.errorType(), answer.body());
        assertEquals(message, answer.message(), answer.body());
    }
}
