package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Condition and projection expressions through PutItem, DeleteItem and GetItem. Messages are DynamoDB's as
 * pinned by dynalite's test/putItem.js, test/deleteItem.js and test/getItem.js.
 */
class ConditionExpressionTest extends ItemTestBase {

    private static Map<String, AttributeValue> put(Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName(HASH_TABLE).item(item));
        return item;
    }

    private static Map<String, AttributeValue> stored(Map<String, AttributeValue> key) {
        return client.getItem(b -> b.tableName(HASH_TABLE).key(key).consistentRead(true)).item();
    }

    // ---------------------------------------------------------------- PutItem

    @Test
    void putWithFailingConditionKeepsTheOldItem() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "v", n("1")));
        assertDynamoError("ConditionalCheckFailedException", "The conditional request failed",
                () -> client.putItem(b -> b.tableName(HASH_TABLE).item(Map.of("a", item.get("a"), "v", n("2")))
                        .conditionExpression("attribute_not_exists(a)")));
        assertEquals(item, stored(Map.of("a", item.get("a"))));
    }

    @Test
    void putWithPassingConditionWrites() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "v", n("1")));
        Map<String, AttributeValue> replacement = Map.of("a", item.get("a"), "v", n("2"));
        client.putItem(b -> b.tableName(HASH_TABLE).item(replacement)
                .conditionExpression("#v < :two").expressionAttributeNames(Map.of("#v", "v")).expressionAttributeValues(Map.of(":two", n("2"))));
        assertEquals(replacement, stored(Map.of("a", item.get("a"))));
    }

    @Test
    void putConditionFailureReturnsTheOldItemWhenAsked() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "v", n("1")));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> client.putItem(b -> b.tableName(HASH_TABLE).item(item).conditionExpression("attribute_not_exists(a)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(item, e.item());
    }

    @Test
    void putWithLegacyExpected() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "v", n("1")));
        assertDynamoError("ConditionalCheckFailedException", "The conditional request failed",
                () -> client.putItem(b -> b.tableName(HASH_TABLE).item(item)
                        .expected(Map.of("v", ExpectedAttributeValue.builder().value(n("2")).build()))));
        client.putItem(b -> b.tableName(HASH_TABLE).item(item).conditionalOperator(ConditionalOperator.OR).expected(Map.of(
                "v", ExpectedAttributeValue.builder().value(n("2")).build(),
                "w", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NULL).build())));
    }

    @Test
    void putRefusesExpressionAndExpectedTogether() {
        // dynalite test/putItem.js: "should return ValidationException if expression and non-expression"
        assertDynamoError("ValidationException", "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
                () -> client.putItem(b -> b.tableName(HASH_TABLE).item(freshKey()).conditionExpression("attribute_exists(a)")
                        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))));
    }

    @Test
    void putRefusesReservedWords() {
        assertDynamoError("ValidationException", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Date",
                () -> client.putItem(b -> b.tableName(HASH_TABLE).item(freshKey()).conditionExpression("attribute_not_exists(Date)")));
    }

    @Test
    void putRefusesUnusedValues() {
        assertDynamoError("ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}",
                () -> client.putItem(b -> b.tableName(HASH_TABLE).item(freshKey()).conditionExpression("attribute_not_exists(a)")
                        .expressionAttributeValues(Map.of(":b", s("b")))));
    }

    @Test
    void valuesNeedAConditionExpression() {
        assertDynamoError("ValidationException", "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
                () -> client.putItem(b -> b.tableName(HASH_TABLE).item(freshKey()).expressionAttributeValues(Map.of(":b", s("b")))));
    }

    // ---------------------------------------------------------------- DeleteItem

    @Test
    void deleteWithFailingConditionKeepsTheItem() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "tags", AttributeValue.fromSs(List.of("x"))));
        assertDynamoError("ConditionalCheckFailedException", "The conditional request failed",
                () -> client.deleteItem(b -> b.tableName(HASH_TABLE).key(Map.of("a", item.get("a")))
                        .conditionExpression("contains(tags, :t)").expressionAttributeValues(Map.of(":t", s("y")))));
        assertEquals(item, stored(Map.of("a", item.get("a"))));
    }

    @Test
    void deleteWithPassingConditionDeletes() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "tags", AttributeValue.fromSs(List.of("x"))));
        client.deleteItem(b -> b.tableName(HASH_TABLE).key(Map.of("a", item.get("a")))
                .conditionExpression("contains(tags, :t)").expressionAttributeValues(Map.of(":t", s("x"))));
        assertFalse(client.getItem(b -> b.tableName(HASH_TABLE).key(Map.of("a", item.get("a")))).hasItem());
    }

    @Test
    void deleteOfMissingItemFailsAnExistenceCondition() {
        assertDynamoError("ConditionalCheckFailedException", "The conditional request failed",
                () -> client.deleteItem(b -> b.tableName(HASH_TABLE).key(freshKey()).conditionExpression("attribute_exists(a)")));
    }

    @Test
    void deleteRefusesSyntaxErrors() {
        assertDynamoError("ValidationException", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
                () -> client.deleteItem(b -> b.tableName(HASH_TABLE).key(freshKey()).conditionExpression("attribute_exists(a) AND")));
    }

    // ---------------------------------------------------------------- GetItem

    @Test
    void projectionSelectsNestedPaths() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "b", n("1"),
                "m", AttributeValue.fromM(Map.of("x", n("2"), "y", n("3"))),
                "l", AttributeValue.fromL(List.of(n("10"), n("11"), n("12")))));
        Map<String, AttributeValue> projected = client.getItem(b -> b.tableName(HASH_TABLE).key(Map.of("a", item.get("a")))
                .projectionExpression("m.y, #l[2], b").expressionAttributeNames(Map.of("#l", "l"))).item();
        assertEquals(Map.of("b", n("1"), "m", AttributeValue.fromM(Map.of("y", n("3"))), "l", AttributeValue.fromL(List.of(n("12")))),
                projected);
    }

    @Test
    void projectionRefusesNestedKeyPaths() {
        // dynalite test/getItem.js: "should return ValidationException if key is nested in ProjectionExpression"
        assertDynamoError("ValidationException", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: a",
                () -> client.getItem(b -> b.tableName(HASH_TABLE).key(freshKey()).projectionExpression("a.b")));
    }

    @Test
    void projectionRefusesAttributesToGetToo() {
        assertDynamoError("ValidationException", "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
                () -> client.getItem(b -> b.tableName(HASH_TABLE).key(freshKey()).projectionExpression("a").attributesToGet("a")));
    }

    @Test
    void namesNeedAnExpression() {
        assertDynamoError("ValidationException", "ExpressionAttributeNames can only be specified when using expressions",
                () -> client.getItem(b -> b.tableName(HASH_TABLE).key(freshKey()).expressionAttributeNames(Map.of("#a", "a"))));
    }

    @Test
    void projectionOfMissingItemAnswersNoItem() {
        assertFalse(client.getItem(b -> b.tableName(HASH_TABLE).key(freshKey()).projectionExpression("b")).hasItem());
    }

    // ---------------------------------------------------------------- BatchGetItem

    @Test
    void batchGetProjectsEachTablesItems() {
        Map<String, AttributeValue> item = put(Map.of("a", s(randomString()), "b", n("1"), "c", n("2")));
        List<Map<String, AttributeValue>> found = client.batchGetItem(b -> b.requestItems(Map.of(HASH_TABLE,
                KeysAndAttributes.builder().keys(Map.of("a", item.get("a"))).projectionExpression("#c")
                        .expressionAttributeNames(Map.of("#c", "c")).build()))).responses().get(HASH_TABLE);
        assertEquals(List.of(Map.of("c", n("2"))), found);
    }

    @Test
    void batchGetRefusesUndefinedNames() {
        assertDynamoError("ValidationException",
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #c",
                () -> client.batchGetItem(b -> b.requestItems(Map.of(HASH_TABLE,
                        KeysAndAttributes.builder().keys(freshKey()).projectionExpression("#c").build()))));
    }
}
