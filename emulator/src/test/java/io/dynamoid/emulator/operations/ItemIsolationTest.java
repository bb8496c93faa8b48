package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Where items live: per emulator, per access key and region, or shared with {@code sharedDb(true)}. */
class ItemIsolationTest extends EmulatorTestBase {
    private static final Map<String, AttributeValue> ITEM = Map.of("a", AttributeValue.fromS("k"), "v", AttributeValue.fromS("x"));
    private static final Map<String, AttributeValue> KEY = Map.of("a", AttributeValue.fromS("k"));

    @Test
    void twoEmulatorsInOneJvmHoldSeparateData() {
        try (Emulator other = Emulator.start()) {
            try (DynamoDbClient otherClient = clientOf(other, "AKIDTEST", "us-east-1")) {
                ItemTestBase.createHashTable(client, "isolated", ScalarAttributeType.S);
                ItemTestBase.createHashTable(otherClient, "isolated", ScalarAttributeType.S);
                client.putItem(r -> r.tableName("isolated").item(ITEM));
                assertFalse(otherClient.getItem(r -> r.tableName("isolated").key(KEY)).hasItem());
            }
        }
    }

    @Test
    void accessKeysAndRegionsSeeSeparateTables() {
        ItemTestBase.createHashTable(client, "per-key", ScalarAttributeType.S);
        client.putItem(r -> r.tableName("per-key").item(ITEM));
        try (DynamoDbClient otherKey = newClient("AKIDOTHER", "us-east-1");
             DynamoDbClient otherRegion = newClient("AKIDTEST", "eu-west-1")) {
            assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                    () -> otherKey.getItem(r -> r.tableName("per-key").key(KEY)));
            assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                    () -> otherRegion.getItem(r -> r.tableName("per-key").key(KEY)));
        }
    }

    @Test
    void sharedDbSharesTablesAcrossAccessKeysAndRegions() {
        try (Emulator shared = Emulator.builder().sharedDb(true).start();
             DynamoDbClient first = clientOf(shared, "AKIDONE", "us-east-1");
             DynamoDbClient second = clientOf(shared, "AKIDTWO", "eu-west-1")) {
            ItemTestBase.createHashTable(first, "shared", ScalarAttributeType.S);
            first.putItem(r -> r.tableName("shared").item(ITEM));
            assertEquals(ITEM, second.getItem(r -> r.tableName("shared").key(KEY)).item());
        }
    }

    private static DynamoDbClient clientOf(Emulator target, String accessKey, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
