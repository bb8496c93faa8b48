package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.Map;
import java.util.UUID;

/**
 * Transaction tests' tables, created through the SDK: {@code accounts} keyed by string {@code pk}, and
 * {@code orders} keyed by {@code pk} + {@code sk}; plus builders for the four kinds of write action.
 */
abstract class TransactTestBase extends EmulatorTestBase {
    static String accounts;
    static String orders;

    @BeforeAll
    static void createTransactTables() {
        accounts = uniqueTableName("accounts");
        orders = uniqueTableName("orders");
        client.createTable(b -> b.tableName(accounts).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        client.createTable(b -> b.tableName(orders).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    /** An account item with a balance. */
    static Map<String, AttributeValue> account(String pk, long balance) {
        return Map.of("pk", s(pk), "balance", n(balance));
    }

    static void putAccount(String pk, long balance) {
        client.putItem(b -> b.tableName(accounts).item(account(pk, balance)));
    }

    /** The stored item (empty when there is none), read strongly consistently. */
    static Map<String, AttributeValue> stored(String table, Map<String, AttributeValue> key) {
        return client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    }

    static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    /** {@code balance} must be at least {@code minimum}. */
    static TransactWriteItem checkBalanceAtLeast(String pk, long minimum) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(accounts).key(key(pk))
                .conditionExpression("balance >= :min").expressionAttributeValues(Map.of(":min", n(minimum))).build()).build();
    }

    /** Adds {@code amount} (negative to withdraw) to {@code balance}. */
    static TransactWriteItem addToBalance(String pk, long amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(key(pk))
                .updateExpression("ADD balance :amount").expressionAttributeValues(Map.of(":amount", n(amount))).build()).build();
    }
}
