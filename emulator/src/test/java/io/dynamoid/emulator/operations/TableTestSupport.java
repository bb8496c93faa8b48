package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.RawClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers shared by the table-operation tests: a quick table, and exact errors for hand-written requests. */
abstract class TableTestSupport extends EmulatorTestBase {

    /** A PAY_PER_REQUEST table with a string partition key {@code pk}. */
    static TableDescription createHashTable(String name) {
        return client.createTable(hashTable(name).build()).tableDescription();
    }

    static CreateTableRequest.Builder hashTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST);
    }

    /** Sends {@code json} (single quotes stand for double quotes) and asserts DynamoDB's error type and message. */
    static RawClient.Answer assertRawError(String operation, String json, String type, String message) {
        RawClient.Answer answer = raw.call(operation, json.replace('\'', '"'));
        assertEquals(400, answer.status(), answer.body());
        assertEquals(type, answer.errorType(), answer.body());
        assertEquals(message, answer.message(), answer.body());
        return answer;
    }

    static void assertValidation(String operation, String json, String message) {
        assertRawError(operation, json, "ValidationException", message);
    }

    static void assertSerialization(String operation, String json, String message) {
        assertRawError(operation, json, "SerializationException", message);
    }
}
