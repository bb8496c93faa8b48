package io.dynamoid.emulator.streams;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stream tests through the real SDK: {@link #client} writes, {@link #streams} (the SDK's
 * DynamoDbStreamsClient, unchanged, pointed at the same endpoint) reads. Tables are keyed by string
 * {@code pk}.
 */
abstract class StreamsTestBase extends EmulatorTestBase {
    static DynamoDbStreamsClient streams;

    @BeforeAll
    static void startStreamsClient() {
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @AfterAll
    static void stopStreamsClient() {
        streams.close();
    }

    /** The database the test clients write to (access key AKIDTEST, us-east-1). */
    static DatabaseStreams databaseStreams() {
        return DatabaseStreams.of(emulator.databases().forRequest("AKIDTEST", "us-east-1"));
    }

    /** Creates a table keyed by {@code pk} with a stream of {@code viewType} (null: no stream); returns its stream ARN. */
    static String createTable(String name, StreamViewType viewType) {
        var spec = viewType == null ? null
                : StreamSpecification.builder().streamEnabled(true).streamViewType(viewType).build();
        return client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .streamSpecification(spec)).tableDescription().latestStreamArn();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    static void put(String table, Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName(table).item(item));
    }

    static Shard onlyShard(String streamArn) {
        List<Shard> shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        if (shards.size() != 1) throw new AssertionError("expected one shard, got " + shards);
        return shards.get(0);
    }

    static String iterator(String streamArn, ShardIteratorType type) {
        String shardId = onlyShard(streamArn).shardId();
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)).shardIterator();
    }

    /** Every record from the oldest on, following NextShardIterator until a page comes back empty. */
    static List<Record> readAll(String streamArn) {
        List<Record> all = new ArrayList<>();
        String next = iterator(streamArn, ShardIteratorType.TRIM_HORIZON);
        while (next != null) {
            String current = next;
            var page = streams.getRecords(b -> b.shardIterator(current));
            all.addAll(page.records());
            if (page.records().isEmpty()) break;
            next = page.nextShardIterator();
        }
        return all;
    }
}
