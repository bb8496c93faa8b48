package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DynamoDB's limits on expressions, their placeholders and key attribute names, through the SDK. Other limits are tested where
 * they are enforced: key sizes in PutItemTest/GetItemTest and the Transact*Tests, item size in PutItemTest,
 * table names and index counts in CreateTableTest, 100 transaction actions and 4 MB in TransactWriteItemsTest.
 * Messages were captured from DynamoDB by ExtendDB (tests/test_expression_size_limit.py and
 * tests/test_expression_attribute_map_validation.py).
 */
class LimitsTest extends TransactTestBase {
    private static final String SIZE_EXCEEDED = "Expression size has exceeded the maximum allowed size;";

    /** One attribute-name path of exactly {@code bytes} bytes. */
    private static String pathOf(int bytes) {
        return "a" + "z".repeat(bytes - 1);
    }

    @Test
    void projectionExpressionOfFourKilobytesIsAccepted() {
        String a = fresh();
        putAccount(a, 1);
        assertTrue(client.getItem(g -> g.tableName(accounts).key(key(a)).projectionExpression(pathOf(4096))).item().isEmpty());
    }

    @Test
    void projectionExpressionOverFourKilobytesIsRefusedWithoutItsSize() {
        assertDynamoError("ValidationException", "Invalid ProjectionExpression: " + SIZE_EXCEEDED,
                () -> client.getItem(g -> g.tableName(accounts).key(key(fresh())).projectionExpression(pathOf(4097))));
    }

    @Test
    void updateExpressionOverFourKilobytesIsRefusedWithoutItsSize() {
        assertDynamoError("ValidationException", "Invalid UpdateExpression: " + SIZE_EXCEEDED,
                () -> client.updateItem(u -> u.tableName(accounts).key(key(fresh()))
                        .updateExpression("SET " + pathOf(4097) + " = :v").expressionAttributeValues(Map.of(":v", n(1)))));
    }

    @Test
    void conditionExpressionOverFourKilobytesIsRefusedWithItsSize() {
        String condition = "attribute_not_exists(" + pathOf(4097) + ")";
        assertDynamoError("ValidationException", "Invalid ConditionExpression: " + SIZE_EXCEEDED + " expression size: " + condition.length(),
                () -> client.putItem(p -> p.tableName(accounts).item(account(fresh(), 1)).conditionExpression(condition)));
    }

    @Test
    void expressionSizeCountsUtf8Bytes() {
        // 2049 characters, 4097 bytes: refused before it is even parsed.
        String projection = "b" + "\u00e9".repeat(2048);
        assertDynamoError("ValidationException", "Invalid ProjectionExpression: " + SIZE_EXCEEDED,
                () -> client.getItem(g -> g.tableName(accounts).key(key(fresh())).projectionExpression(projection)));
    }

    @Test
    void expressionAttributeNameKeyOf255BytesIsAccepted() {
        String placeholder = "#" + "a".repeat(254);
        String a = fresh();
        putAccount(a, 7);
        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(accounts).key(key(a))
                .projectionExpression(placeholder).expressionAttributeNames(Map.of(placeholder, "balance"))).item();
        assertEquals(Map.of("balance", n(7)), item);
    }

    @Test
    void expressionAttributeNameKeyOver255BytesIsRefusedWithItsSize() {
        String placeholder = "#" + "a".repeat(255);
        assertDynamoError("ValidationException", "ExpressionAttributeNames contains invalid key: "
                        + "The expression attribute map contains a key that is too long; size of key: 256",
                () -> client.getItem(g -> g.tableName(accounts).key(key(fresh()))
                        .projectionExpression(placeholder).expressionAttributeNames(Map.of(placeholder, "balance"))));
    }

    @Test
    void placeholderLengthIsCheckedBeforeItsSyntax() {
        String placeholder = "#" + "a".repeat(255) + "-x";
        assertDynamoError("ValidationException", "ExpressionAttributeNames contains invalid key: "
                        + "The expression attribute map contains a key that is too long; size of key: 258",
                () -> client.getItem(g -> g.tableName(accounts).key(key(fresh()))
                        .projectionExpression("#a").expressionAttributeNames(Map.of(placeholder, "balance"))));
    }

    @Test
    void expressionAttributeValueKeyOver255BytesIsRefusedWithoutItsSize() {
        String placeholder = ":" + "a".repeat(255);
        assertDynamoError("ValidationException", "ExpressionAttributeValues contains invalid key: "
                        + "The expression attribute map contains a key that is too long;",
                () -> client.putItem(p -> p.tableName(accounts).item(account(fresh(), 1))
                        .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(placeholder, n(1)))));
    }

    @Test
    void keyAttributeNamesAreAtMost255Characters() {
        String name = "k".repeat(256);
        // The API Reference's length constraint on AttributeDefinition/KeySchemaElement names, in DynamoDB's
        // constraint-message form.
        assertDynamoError("ValidationException", "2 validation errors detected: "
                        + "Value '" + name + "' at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255; "
                        + "Value '" + name + "' at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255",
                () -> client.createTable(t -> t.tableName(uniqueTableName("long-key")).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build())));
    }

    @Test
    void keyAttributeNameOf255CharactersIsAccepted() {
        String name = "k".repeat(255);
        String table = uniqueTableName("long-key");
        client.createTable(t -> t.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build()));
        client.putItem(p -> p.tableName(table).item(Map.of(name, AttributeValue.fromS("x"))));
        assertEquals(Map.of(name, AttributeValue.fromS("x")), client.getItem(g -> g.tableName(table).key(Map.of(name, AttributeValue.fromS("x")))).item());
    }
}
