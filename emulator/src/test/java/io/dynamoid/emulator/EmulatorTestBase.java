package io.dynamoid.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Starts one in-memory emulator per test class and gives tests the real AWS SDK client pointed at it, plus
 * {@link RawClient} for requests the SDK would refuse to send (wrong types, malformed JSON).
 */
public abstract class EmulatorTestBase {
    protected static Emulator emulator;
    protected static DynamoDbClient client;
    protected static RawClient raw;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.start();
        client = newClient("AKIDTEST", "us-east-1");
        raw = new RawClient(emulator.endpoint(), "AKIDTEST", "us-east-1");
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        emulator.close();
    }

    /** An SDK client with its own access key and region (each pair has its own database). */
    protected static DynamoDbClient newClient(String accessKey, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    /** A table name no other test uses. */
    protected static String uniqueTableName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Asserts the SDK call fails with DynamoDB's error code and exact message. */
    protected static DynamoDbException assertDynamoError(String errorCode, String message, Supplier<?> call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call::get);
        assertEquals(errorCode, e.awsErrorDetails().errorCode(), "error code");
        assertEquals(message, e.awsErrorDetails().errorMessage(), "error message");
        assertEquals(400, e.statusCode(), "HTTP status");
        return e;
    }
}
