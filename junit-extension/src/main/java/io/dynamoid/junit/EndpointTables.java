package io.dynamoid.junit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Listing, emptying and deleting tables through the DynamoDB API, for endpoints whose storage we cannot reach. */
final class EndpointTables {
    private static final int BATCH = 25;
    private static final int ATTEMPTS = 10;
    private static final long DELETE_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private EndpointTables() {
    }

    /** The names of the tables that start with {@code prefix}, every page of ListTables. */
    static List<String> withPrefix(DynamoDbClient client, String prefix) {
        List<String> names = new ArrayList<>();
        for (String name : client.listTablesPaginator(b -> b.exclusiveStartTableName(prefix.isEmpty() ? null : prefix)).tableNames()) {
            if (!name.startsWith(prefix)) {
                break; // names come in order after the prefix: those with it come first, then none
            }
            names.add(name);
        }
        return names;
    }

    /** Deletes the table, without waiting for DynamoDB to finish (seconds on AWS): what a class leaves behind. */
    static void delete(DynamoDbClient client, String table) {
        try {
            client.deleteTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException e) {
            // gone already
        }
    }

    /** Deletes the table and waits until it is gone, so that a table of the same name can be created at once. */
    static void deleteAndWait(DynamoDbClient client, String table) {
        try {
            client.deleteTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException e) {
            return;
        }
        long deadline = System.currentTimeMillis() + DELETE_TIMEOUT_MILLIS;
        for (int attempt = 0; ; attempt++) {
            try {
                client.describeTable(b -> b.tableName(table));
            } catch (ResourceNotFoundException e) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Table " + table + " still exists " + DELETE_TIMEOUT_MILLIS / 1000 + " s after DeleteTable");
            }
            pause(Math.min(1000, 10L << Math.min(attempt, 7)));
        }
    }

    /** Scans the keys and deletes them in batches of 25, sending unprocessed items again with backoff. */
    static void empty(DynamoDbClient client, String table) {
        List<KeySchemaElement> keySchema = client.describeTable(b -> b.tableName(table)).table().keySchema();
        Map<String, String> names = new LinkedHashMap<>();
        keySchema.forEach(k -> names.put("#k" + names.size(), k.attributeName()));
        List<WriteRequest> batch = new ArrayList<>();
        for (Map<String, AttributeValue> key : client.scanPaginator(b -> b.tableName(table).consistentRead(true)
                .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names)).items()) {
            batch.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
            if (batch.size() == BATCH) {
                write(client, table, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            write(client, table, batch);
        }
    }

    private static void write(DynamoDbClient client, String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(requests));
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("Could not empty table " + table + ": items still unprocessed after "
                        + ATTEMPTS + " BatchWriteItem attempts");
            }
            if (attempt > 0) {
                pause(25L << Math.min(attempt, 6));
            }
            Map<String, List<WriteRequest>> request = pending;
            pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a table", e);
        }
    }
}
