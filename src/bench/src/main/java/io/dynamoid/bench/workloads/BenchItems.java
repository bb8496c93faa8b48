package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A fixed pool of items of about 1 KB (DynamoDB's item size), built once so that building a request costs the
 * client as little as possible. Writes cycle through the pool, so the server's data stays the same size.
 */
public final class BenchItems {
    public static final int POOL_SIZE = 1000;
    /** Items share partition keys: item i has pk "user-(i mod PARTITIONS)", sk i. */
    public static final int PARTITIONS = 100;
    /** BatchWriteItem's limit. */
    private static final int BATCH_SIZE = 25;
    private static final String PAYLOAD = "x".repeat(900);
    private static final List<Map<String, AttributeValue>> POOL =
            IntStream.range(0, POOL_SIZE).mapToObj(BenchItems::build).toList();

    private BenchItems() {
    }

    /** The item for a thread's n-th operation; threads start at different places in the pool. */
    public static Map<String, AttributeValue> item(int thread, long iteration) {
        return POOL.get((int) ((thread * 7919L + iteration) % POOL_SIZE));
    }

    public static Map<String, AttributeValue> item(int index) {
        return POOL.get(index);
    }

    /** Writes every pool item (so reads find them); PARTITIONS partitions of POOL_SIZE / PARTITIONS items. */
    public static void writePool(DynamoDbClient client) {
        writeAll(client, BenchTable.NAME, POOL);
    }

    /** Writes the items into the table with BatchWriteItem, 25 at a time, resending unprocessed items. */
    public static void writeAll(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
        for (int start = 0; start < items.size(); start += BATCH_SIZE) {
            List<WriteRequest> batch = items.subList(start, Math.min(items.size(), start + BATCH_SIZE)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
            Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
            while (!unprocessed.isEmpty()) {
                Map<String, List<WriteRequest>> requests = unprocessed;
                unprocessed = client.batchWriteItem(r -> r.requestItems(requests)).unprocessedItems();
            }
        }
    }

    /** Writes items 0..count-1, made by {@code item}, with BatchWriteItem from {@code threads} loader threads. */
    public static void loadInParallel(DynamoDbClient client, String table, long count, int threads,
                                      LongFunction<Map<String, AttributeValue>> item) {
        AtomicLong next = new AtomicLong();
        List<Thread> loaders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread loader = new Thread(() -> {
                for (long first = next.getAndAdd(BATCH_SIZE); first < count; first = next.getAndAdd(BATCH_SIZE)) {
                    writeAll(client, table, LongStream.range(first, Math.min(count, first + BATCH_SIZE)).mapToObj(item).toList());
                }
            }, "loader-" + t);
            loader.start();
            loaders.add(loader);
        }
        for (Thread loader : loaders) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The pool items in a partition, in sort key order. */
    public static List<Map<String, AttributeValue>> partition(int partition) {
        return IntStream.range(0, POOL_SIZE / PARTITIONS).mapToObj(i -> POOL.get(partition + i * PARTITIONS)).toList();
    }

    /** The key attributes (pk, sk) of an item. */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    /** An item as DynamoDB's JSON renders it, for canned responses; covers the types the pool uses. */
    public static String json(Map<String, AttributeValue> item) {
        StringBuilder json = new StringBuilder("{");
        item.forEach((name, value) -> {
            if (json.length() > 1) json.append(',');
            json.append('"').append(name).append("\":");
            if (value.s() != null) json.append("{\"S\":\"").append(value.s()).append("\"}");
            else if (value.n() != null) json.append("{\"N\":\"").append(value.n()).append("\"}");
            else if (value.bool() != null) json.append("{\"BOOL\":").append(value.bool()).append('}');
            else if (value.hasSs()) json.append("{\"SS\":[\"").append(String.join("\",\"", value.ss())).append("\"]}");
            else throw new IllegalArgumentException("no JSON rendering for " + value);
        });
        return json.append('}').toString();
    }

    private static Map<String, AttributeValue> build(int index) {
        return build("user-" + (index % PARTITIONS), index);
    }

    /** A ~1 KB item shaped like the pool's, with the given key. */
    public static Map<String, AttributeValue> build(String partitionKey, int index) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(partitionKey));
        item.put("sk", AttributeValue.fromN(Integer.toString(index)));
        item.put("name", AttributeValue.fromS("Item number " + index));
        item.put("count", AttributeValue.fromN(Integer.toString(index * 31)));
        item.put("price", AttributeValue.fromN("19.99"));
        item.put("active", AttributeValue.fromBool(index % 2 == 0));
        item.put("tags", AttributeValue.fromSs(List.of("alpha", "beta", "gamma")));
        item.put("payload", AttributeValue.fromS(PAYLOAD));
        return Map.copyOf(item);
    }
}
