package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.storage.Table;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.Map;
import java.util.UUID;

/**
 * Item tests' tables, created through the SDK (as dynalite's test helpers have them): a string partition
 * key table, a table with string partition and sort keys plus an LSI ("index1" on c) and a GSI ("index2" on
 * d), one with a binary sort key and one with a number partition key.
 */
abstract class ItemTestBase extends EmulatorTestBase {
    static final String HASH_TABLE = "items-hash";
    static final String RANGE_TABLE = "items-range";
    static final String BINARY_RANGE_TABLE = "items-range-b";
    static final String NUMBER_TABLE = "items-number";

    static TableDescription hashTable;

    @BeforeAll
    static void createTables() {
        hashTable = createHashTable(client, HASH_TABLE, ScalarAttributeType.S);
        createHashTable(client, NUMBER_TABLE, ScalarAttributeType.N);
        client.createTable(rangeTable(BINARY_RANGE_TABLE, ScalarAttributeType.B).build());
        client.createTable(rangeTable(RANGE_TABLE, ScalarAttributeType.S)
                .attributeDefinitions(attribute("a", ScalarAttributeType.S), attribute("b", ScalarAttributeType.S),
                        attribute("c", ScalarAttributeType.S), attribute("d", ScalarAttributeType.S))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("index1")
                        .keySchema(key("a", KeyType.HASH), key("c", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("index2")
                        .keySchema(key("d", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .build());
    }

    /** A PAY_PER_REQUEST table keyed by attribute "a" of {@code type}. */
    static TableDescription createHashTable(DynamoDbClient owner, String name, ScalarAttributeType type) {
        return owner.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("a", type)).keySchema(key("a", KeyType.HASH))).tableDescription();
    }

    private static CreateTableRequest.Builder rangeTable(String name, ScalarAttributeType rangeType) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("a", ScalarAttributeType.S), attribute("b", rangeType))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** Puts the default client's table back into CREATING, a state CreateTable here skips. */
    static void markCreating(String name) {
        Table table = emulator.databases().forRequest("AKIDTEST", "us-east-1").table(name);
        table.definition(table.definition().withStatus("CREATING"));
    }

    static String randomString() {
        return UUID.randomUUID().toString();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue b(byte... bytes) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    }

    /** A hash-table key with a fresh value. */
    static Map<String, AttributeValue> freshKey() {
        return Map.of("a", s(randomString()));
    }
}
