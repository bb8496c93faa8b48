package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Helpers shared by the persistence tests. */
final class PersistenceTesting {
    private PersistenceTesting() {
    }

    static DynamoDbClient client(URI endpoint, String accessKey, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    static DynamoDbClient client(Emulator emulator) {
        return client(emulator.endpoint(), "AKIDTEST", "us-east-1");
    }

    /** A PAY_PER_REQUEST table keyed by string "pk" and, with {@code sorted}, number "sk". */
    static void createTable(DynamoDbClient client, String name, boolean sorted) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sorted) {
                b.attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
            } else {
                b.attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH));
            }
        });
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static Map<String, AttributeValue> item(String pk, Object... more) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        for (int i = 0; i < more.length; i += 2) item.put((String) more[i], (AttributeValue) more[i + 1]);
        return item;
    }

    static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk) {
        Map<String, AttributeValue> found = client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true)).item();
        return found == null || found.isEmpty() ? null : found;
    }
}
