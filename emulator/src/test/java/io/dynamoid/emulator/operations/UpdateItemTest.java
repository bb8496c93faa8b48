package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * UpdateItem through the AWS SDK. Messages are DynamoDB's as pinned by dynalite's test/updateItem.js
 * (checked against DynamoDB); each test names the dynalite case it follows where there is one.
 */
class UpdateItemTest extends EmulatorTestBase {
    private static String hashTable;
    private static String rangeTable;

    @BeforeAll
    static void createTables() {
        hashTable = uniqueTableName("update-hash");
        rangeTable = uniqueTableName("update-range");
        client.createTable(b -> b.tableName(hashTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("a"))
                .keySchema(key("a", KeyType.HASH)));
        // as dynalite's testRangeTable: LSI index1 on d, GSI index4 on c
        client.createTable(b -> b.tableName(rangeTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("a"), attribute("b"), attribute("c"), attribute("d"))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("index1")
                        .keySchema(key("a", KeyType.HASH), key("d", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("index4")
                        .keySchema(key("c", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static Map<String, AttributeValue> newKey() {
        return Map.of("a", s(UUID.randomUUID().toString()));
    }

    private static UpdateItemResponse update(Consumer<UpdateItemRequest.Builder> request) {
        return client.updateItem(b -> request.accept(b.tableName(hashTable)));
    }

    private static Map<String, AttributeValue> allNew(Map<String, AttributeValue> key) {
        return update(b -> b.key(key).returnValues(ReturnValue.ALL_NEW)).attributes();
    }

    // ---------------------------------------------------------------- functionality

    @Test
    void createsTheItemWithItsKeyWhenThereIsNoAction() {
        // dynalite: "should just add item with key if no action"
        Map<String, AttributeValue> key = newKey();
        UpdateItemResponse response = update(b -> b.key(key));
        assertFalse(response.hasAttributes());
        assertEquals(key, update(b -> b.key(key).returnValues(ReturnValue.ALL_OLD)).attributes());
    }

    @Test
    void setCreatesAttributesAndReturnsAllNew() {
        Map<String, AttributeValue> key = newKey();
        Map<String, AttributeValue> attributes = update(b -> b.key(key).updateExpression("SET b = :b, c = :c")
                .expressionAttributeValues(Map.of(":b", s("x"), ":c", n("1"))).returnValues(ReturnValue.ALL_NEW)).attributes();
        assertEquals(Map.of("a", key.get("a"), "b", s("x"), "c", n("1")), attributes);
    }

    @Test
    void allOldIsEmptyForANewItem() {
        // dynalite: "should return empty when there are no old values"
        assertFalse(update(b -> b.key(newKey()).returnValues(ReturnValue.ALL_OLD)).hasAttributes());
    }

    @Test
    void updatedOldAndNewReturnOnlyTheUpdatedPaths() {
        Map<String, AttributeValue> key = newKey();
        update(b -> b.key(key).updateExpression("SET m = :m, n = :n")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromM(Map.of("x", n("1"), "y", n("2"))), ":n", n("5"))));
        UpdateItemResponse old = update(b -> b.key(key).updateExpression("SET m.x = :v ADD n :one")
                .expressionAttributeValues(Map.of(":v", n("10"), ":one", n("1"))).returnValues(ReturnValue.UPDATED_OLD));
        assertEquals(Map.of("m", AttributeValue.fromM(Map.of("x", n("1"))), "n", n("5")), old.attributes());
        UpdateItemResponse fresh = update(b -> b.key(key).updateExpression("SET m.x = :v ADD n :one")
                .expressionAttributeValues(Map.of(":v", n("20"), ":one", n("1"))).returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(Map.of("m", AttributeValue.fromM(Map.of("x", n("20"))), "n", n("7")), fresh.attributes());
    }

    @Test
    void updatedValuesThatAreAllGoneAnswerNoAttributes() {
        // checked against DynamoDB in ExtendDB/extenddb PR #121: REMOVE + UPDATED_NEW omits Attributes
        Map<String, AttributeValue> key = newKey();
        update(b -> b.key(key).updateExpression("SET b = :b").expressionAttributeValues(Map.of(":b", s("x"))));
        assertFalse(update(b -> b.key(key).updateExpression("REMOVE b").returnValues(ReturnValue.UPDATED_NEW)).hasAttributes());
        assertFalse(update(b -> b.key(key).updateExpression("SET c = :c").expressionAttributeValues(Map.of(":c", s("y")))
                .returnValues(ReturnValue.UPDATED_OLD)).hasAttributes());
    }

    @Test
    void removeAndDeleteChangeTheStoredItem() {
        Map<String, AttributeValue> key = newKey();
        update(b -> b.key(key).updateExpression("SET l = :l, s = :s, gone = :g").expressionAttributeValues(Map.of(
                ":l", AttributeValue.fromL(List.of(n("0"), n("1"), n("2"))), ":s", AttributeValue.fromSs(List.of("x", "y")), ":g", n("1"))));
        update(b -> b.key(key).updateExpression("REMOVE gone, l[0] DELETE s :x")
                .expressionAttributeValues(Map.of(":x", AttributeValue.fromSs(List.of("x")))));
        assertEquals(Map.of("a", key.get("a"), "l", AttributeValue.fromL(List.of(n("1"), n("2"))), "s", AttributeValue.fromSs(List.of("y"))),
                allNew(key));
    }

    @Test
    void conditionFailureIsConditionalCheckFailed() {
        // dynalite: "should return ConditionalCheckFailedException if expecting non-existent key to exist"
        assertDynamoError("ConditionalCheckFailedException", "The conditional request failed",
                () -> update(b -> b.key(newKey()).conditionExpression("attribute_exists(a)")));
    }

    @Test
    void conditionFailureCanReturnTheOldItem() {
        Map<String, AttributeValue> key = newKey();
        update(b -> b.key(key).updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n("1"))));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> update(b -> b.key(key).conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(Map.of("a", key.get("a"), "v", n("1")), e.item());
    }

    @Test
    void conditionSuccessAppliesTheUpdate() {
        Map<String, AttributeValue> key = newKey();
        update(b -> b.key(key).updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n("1"))));
        update(b -> b.key(key).conditionExpression("v = :one").updateExpression("SET v = v + :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));
        assertEquals(n("2"), allNew(key).get("v"));
    }

    @Test
    void legacyExpectedIsChecked() {
        Map<String, AttributeValue> key = newKey();
        assertDynamoError("ConditionalCheckFailedException", "The conditional request failed",
                () -> update(b -> b.key(key).expected(Map.of("a", ExpectedAttributeValue.builder()
                        .comparisonOperator(ComparisonOperator.NOT_NULL).build()))));
        update(b -> b.key(key).expected(Map.of("v", ExpectedAttributeValue.builder().exists(false).build())));
    }

    @Test
    void legacyAttributeUpdates() {
        // dynalite: "should add numerical value and return updated new", "should add list value ..."
        Map<String, AttributeValue> key = newKey();
        update(b -> b.key(key).attributeUpdates(Map.of(
                "n", AttributeValueUpdate.builder().value(n("1")).build(),
                "l", AttributeValueUpdate.builder().value(AttributeValue.fromL(List.of(s("a")))).build(),
                "x", AttributeValueUpdate.builder().value(s("x")).build())));
        UpdateItemResponse response = update(b -> b.key(key).returnValues(ReturnValue.UPDATED_NEW).attributeUpdates(Map.of(
                "n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("3")).build(),
                "l", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(AttributeValue.fromL(List.of(s("b")))).build(),
                "x", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));
        assertEquals(Map.of("n", n("4"), "l", AttributeValue.fromL(List.of(s("a"), s("b")))), response.attributes());
        assertFalse(allNew(key).containsKey("x"));
    }

    @Test
    void consumedCapacityIsReported() {
        // dynalite: "should return ConsumedCapacity for creating small item"
        UpdateItemResponse response = update(b -> b.key(newKey()).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.0, response.consumedCapacity().capacityUnits());
        assertEquals(hashTable, response.consumedCapacity().tableName());
    }

    // ---------------------------------------------------------------- validation

    @Test
    void mixingExpressionAndLegacyParameters() {
        // dynalite: "should return ValidationException for ... non-expression and expression params"
        assertDynamoError("ValidationException", "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}",
                () -> update(b -> b.key(newKey()).updateExpression("SET b = :b").conditionExpression("a = :b")
                        .attributeUpdates(Map.of("b", AttributeValueUpdate.builder().value(s("b")).build()))
                        .expected(Map.of("b", ExpectedAttributeValue.builder().exists(false).build()))));
    }

    @Test
    void valuesWithoutExpressions() {
        assertDynamoError("ValidationException",
                "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null",
                () -> update(b -> b.key(newKey()).expressionAttributeValues(Map.of(":a", s("a")))));
    }

    @Test
    void syntaxErrorInUpdateExpression() {
        assertDynamoError("ValidationException", "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"b\"",
                () -> update(b -> b.key(newKey()).updateExpression("SET b")));
    }

    @Test
    void keyMustMatchTheSchema() {
        // dynalite: "should return ValidationException if Key does not match schema"
        assertDynamoError("ValidationException", "The provided key element does not match the schema",
                () -> update(b -> b.key(Map.of("a", n("1")))));
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        // dynalite: "should return ValidationException if trying to update key"
        assertDynamoError("ValidationException", "One or more parameter values were invalid: Cannot update attribute a. This attribute is part of the key",
                () -> update(b -> b.key(newKey()).updateExpression("add a.b :a").expressionAttributeValues(Map.of(":a", n("1")))));
        assertDynamoError("ValidationException", "One or more parameter values were invalid: Cannot update attribute a. This attribute is part of the key",
                () -> update(b -> b.key(newKey()).attributeUpdates(Map.of("a", AttributeValueUpdate.builder().value(s("x")).build()))));
    }

    @Test
    void indexKeysKeepTheirType() {
        // dynalite: "should return ValidationException if trying to update wrong type on index"
        assertDynamoError("ValidationException", "One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N IndexName: index4",
                () -> client.updateItem(b -> b.tableName(rangeTable).key(Map.of("a", s("x"), "b", s("y")))
                        .updateExpression("set d.a = a add c :a").expressionAttributeValues(Map.of(":a", n("1")))));
    }

    @Test
    void indexKeysCannotBeReadThroughNestedPaths() {
        // dynalite: "should return ValidationException if trying to update index map"
        assertDynamoError("ValidationException", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d",
                () -> client.updateItem(b -> b.tableName(rangeTable).key(Map.of("a", s("x"), "b", s("y")))
                        .updateExpression("set e = list_append(a, b), f = d[1]")));
    }

    @Test
    void indexKeysCannotBecomeEmpty() {
        // message of real DynamoDB quoted in architect/dynalite issue #184 (as Keys.validateItem words it)
        assertDynamoError("ValidationException", "One or more parameter values are not valid. A value specified for a secondary index key "
                        + "is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: index4, IndexKey: c",
                () -> client.updateItem(b -> b.tableName(rangeTable).key(Map.of("a", s("x"), "b", s("y")))
                        .updateExpression("set c = :empty").expressionAttributeValues(Map.of(":empty", s("")))));
    }

    @Test
    void nestedPathUnderMissingAttribute() {
        // dynalite: "should return ValidationException if trying to update non-existent nested attribute in non-existent item"
        assertDynamoError("ValidationException", "The document path provided in the update expression is invalid for update",
                () -> update(b -> b.key(newKey()).updateExpression("set b.a = :v").expressionAttributeValues(Map.of(":v", n("1")))));
    }

    @Test
    void failedUpdateWritesNothing() {
        Map<String, AttributeValue> key = newKey();
        assertDynamoError("ValidationException", "The provided expression refers to an attribute that does not exist in the item",
                () -> update(b -> b.key(key).updateExpression("set c = b")));
        assertFalse(update(b -> b.key(key).returnValues(ReturnValue.ALL_OLD)).hasAttributes());
    }

    @Test
    void itemTooBigAfterUpdate() {
        // dynalite: "should return ValidationException if update item is too big"
        assertDynamoError("ValidationException", "Item size to update has exceeded the maximum allowed size",
                () -> update(b -> b.key(newKey()).attributeUpdates(Map.of(
                        "b", AttributeValueUpdate.builder().value(s("a".repeat(400 * 1024))).build()))));
    }

    @Test
    void legacyTypeMismatch() {
        // dynalite: "should return ValidationException if trying to delete/add incorrect types"
        Map<String, AttributeValue> key = newKey();
        update(b -> b.key(key).attributeUpdates(Map.of("b", AttributeValueUpdate.builder().value(AttributeValue.fromSs(List.of("1"))).build())));
        assertDynamoError("ValidationException", "Type mismatch for attribute to update",
                () -> update(b -> b.key(key).attributeUpdates(Map.of("b", AttributeValueUpdate.builder()
                        .action(AttributeAction.ADD).value(AttributeValue.fromNs(List.of("1"))).build()))));
    }

    @Test
    void legacyPutNeedsAValue() {
        assertDynamoError("ValidationException", "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified",
                () -> update(b -> b.key(newKey()).attributeUpdates(Map.of("b", AttributeValueUpdate.builder().action(AttributeAction.PUT).build()))));
    }

    @Test
    void legacyExpectedNeedsAValueWhenExists() {
        assertDynamoError("ValidationException", "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: b",
                () -> update(b -> b.key(newKey()).expected(Map.of("b", ExpectedAttributeValue.builder().exists(true).build()))));
    }

    @Test
    void unknownTable() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> client.updateItem(b -> b.tableName("no-such-table").key(newKey())));
    }

    // ---------------------------------------------------------------- validation order (hand-written JSON)

    private static void assertRawValidation(String body, String message) {
        var answer = raw.call("UpdateItem", body.replace('\'', '"'));
        assertEquals(400, answer.status());
        assertEquals("ValidationException", answer.errorType());
        assertEquals(message, answer.message());
    }

    @Test
    void keyValuesAreCheckedBeforeAttributeUpdatesAndExpected() {
        // dynalite: "should return ValidationException for invalid values in Key"
        assertRawValidation("{'TableName': 'abc', 'Key': {'a': {'NULL': false}}, 'Expected': {'a': {}}, 'AttributeUpdates': {'a': {}}}",
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void attributeUpdatesAreCheckedBeforeExpected() {
        // dynalite: "should return ValidationException if update has no value"
        assertRawValidation("{'TableName': 'abc', 'Key': {}, 'Expected': {'a': {}}, 'AttributeUpdates': {'a': {}}}",
                "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified");
    }

    @Test
    void emptyNameMapIsReportedBeforeEmptyExpressions() {
        // dynalite: "should return ValidationException for empty ExpressionAttributeNames"
        assertRawValidation("{'TableName': 'abc', 'Key': {}, 'ExpressionAttributeNames': {}, 'ExpressionAttributeValues': {}, "
                + "'ConditionExpression': '', 'UpdateExpression': ''}", "ExpressionAttributeNames must not be empty");
    }

    @Test
    void expressionsAreCheckedBeforeTheTableIsLookedUp() {
        // dynalite: "should return ValidationException for empty UpdateExpression" (table 'abc' does not exist)
        assertRawValidation("{'TableName': 'abc', 'Key': {}, 'ConditionExpression': '', 'UpdateExpression': ''}",
                "Invalid UpdateExpression: The expression can not be empty;");
    }
}
