package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.RequestFailedException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.client.Failures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem and BatchGetItem in DynamoDB-sized chunks, sending unprocessed items/keys again with
 * exponential backoff until done or the configured retries run out.
 */
final class Batches {
    /** DynamoDB's BatchGetItem limit. */
    static final int GET_LIMIT = 100;

    private Batches() {
    }

    static void write(Engine engine, String table, List<WriteRequest> requests) {
        int size = engine.config().batchSize();
        for (int from = 0; from < requests.size(); from += size) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + size));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 1 && !engine.backoff().await(attempt - 1)) {
                    throw new RequestFailedException(pending.size() + " items of table " + table
                            + " stayed unprocessed after " + engine.config().batchRetries() + " retries");
                }
                Map<String, List<WriteRequest>> batch = Map.of(table, pending);
                BatchWriteItemResponse response;
                try {
                    response = engine.client().batchWriteItem(b -> b.requestItems(batch));
                } catch (SdkException e) {
                    throw Failures.of("BatchWriteItem", table, e);
                }
                pending = response.unprocessedItems().getOrDefault(table, List.of());
            }
        }
    }

    static List<Map<String, AttributeValue>> get(Engine engine, String table, List<Map<String, AttributeValue>> keys, boolean consistent,
                                                 Selection selection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += GET_LIMIT) {
            KeysAndAttributes pending = KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + GET_LIMIT))).consistentRead(consistent)
                    .projectionExpression(selection.expression()).expressionAttributeNames(selection.names()).build();
            for (int attempt = 1; pending != null && !pending.keys().isEmpty(); attempt++) {
                if (attempt > 1 && !engine.backoff().await(attempt - 1)) {
                    throw new RequestFailedException(pending.keys().size() + " keys of table " + table
                            + " stayed unprocessed after " + engine.config().batchRetries() + " retries");
                }
                Map<String, KeysAndAttributes> batch = Map.of(table, pending);
                BatchGetItemResponse response;
                try {
                    response = engine.client().batchGetItem(b -> b.requestItems(batch));
                } catch (SdkException e) {
                    throw Failures.of("BatchGetItem", table, e);
                }
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.unprocessedKeys().get(table);
            }
        }
        return items;
    }
}
