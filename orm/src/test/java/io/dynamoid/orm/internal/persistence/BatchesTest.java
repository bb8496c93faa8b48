package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.RequestFailedException;
import io.dynamoid.orm.internal.Engine;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Chunking and retries of unprocessed items, against a scripted client: a real endpoint rarely leaves items
 * unprocessed on demand.
 */
class BatchesTest {

    /** Answers batch requests, leaving the last {@code unprocessed} items of the first {@code stubbornCalls} calls unprocessed. */
    static final class ScriptedClient implements DynamoDbClient {
        final List<Integer> writeSizes = new ArrayList<>();
        final List<Integer> getSizes = new ArrayList<>();
        int stubbornCalls;
        int unprocessed;

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            List<WriteRequest> writes = request.requestItems().get("t");
            writeSizes.add(writes.size());
            if (writeSizes.size() <= stubbornCalls) {
                return BatchWriteItemResponse.builder()
                        .unprocessedItems(Map.of("t", writes.subList(writes.size() - unprocessed, writes.size()))).build();
            }
            return BatchWriteItemResponse.builder().build();
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            List<Map<String, AttributeValue>> keys = request.requestItems().get("t").keys();
            getSizes.add(keys.size());
            if (getSizes.size() <= stubbornCalls) {
                List<Map<String, AttributeValue>> answered = keys.subList(0, keys.size() - unprocessed);
                return BatchGetItemResponse.builder().responses(Map.of("t", answered))
                        .unprocessedKeys(Map.of("t", KeysAndAttributes.builder().keys(keys.subList(keys.size() - unprocessed, keys.size())).build()))
                        .build();
            }
            return BatchGetItemResponse.builder().responses(Map.of("t", keys)).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private static Engine engine(ScriptedClient client, int retries) {
        DynamoidConfig config = DynamoidConfig.forEndpoint(java.net.URI.create("http://unused"))
                .batchRetries(retries, Duration.ofMillis(1), Duration.ofMillis(2)).build();
        return new Engine(config, client, null);
    }

    private static List<WriteRequest> puts(int count) {
        return IntStream.range(0, count).mapToObj(i -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(Map.of("id", AttributeValue.fromS("k" + i))).build()).build()).toList();
    }

    private static List<Map<String, AttributeValue>> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.of("id", AttributeValue.fromS("k" + i))).toList();
    }

    @Test
    void writesGoInChunksOfTwentyFive() {
        ScriptedClient client = new ScriptedClient();

        Batches.write(engine(client, 3), "t", puts(60));

        assertEquals(List.of(25, 25, 10), client.writeSizes);
    }

    @Test
    void unprocessedWritesAreSentAgain() {
        ScriptedClient client = new ScriptedClient();
        client.stubbornCalls = 2;
        client.unprocessed = 4;

        Batches.write(engine(client, 3), "t", puts(10));

        assertEquals(List.of(10, 4, 4), client.writeSizes);
    }

    @Test
    void writesGiveUpWhenRetriesRunOut() {
        ScriptedClient client = new ScriptedClient();
        client.stubbornCalls = 10;
        client.unprocessed = 1;

        assertThrows(RequestFailedException.class, () -> Batches.write(engine(client, 2), "t", puts(3)));
        assertEquals(3, client.writeSizes.size(), "the first try and two retries");
    }

    @Test
    void getsGoInChunksOfOneHundredAndRetryUnprocessedKeys() {
        ScriptedClient client = new ScriptedClient();
        client.stubbornCalls = 1;
        client.unprocessed = 7;

        List<Map<String, AttributeValue>> items = Batches.get(engine(client, 3), "t", keys(150), false, Selection.ALL);

        assertEquals(List.of(100, 7, 50), client.getSizes);
        assertEquals(150, items.size());
    }
}
