package io.dynamoid.emulator.robustness;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 16 threads of puts, conditional counter updates, transactions, deletes, queries and scans at once; at the
 * end every acknowledged write is visible exactly once: counters equal their acknowledged increments, the
 * table's ItemCount equals a full Scan, and the global index agrees with the table.
 * {@code -Ddynamoid.stress.operations=20000} (per thread) runs longer; {@code -Ddynamoid.stress.seed=N} replays.
 */
class MixedLoadTest extends EmulatorTestBase {
    private static final long SEED = Long.getLong("dynamoid.stress.seed", System.nanoTime());
    private static final int THREADS = 16;
    private static final int OPERATIONS_PER_THREAD = Integer.getInteger("dynamoid.stress.operations", 150);
    private static final int COUNTERS = 6;
    private static final int OWNERS = 4;
    private static final String COUNTER_TABLE = "load-counters";
    private static final String ITEM_TABLE = "load-items";

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName(COUNTER_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH)));
        client.createTable(b -> b.tableName(ITEM_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
                        attribute("owner", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byOwner")
                        .keySchema(key("owner", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
    }

    @Test
    void everyAcknowledgedWriteIsVisibleExactlyOnceAfterMixedConcurrentLoad() throws Exception {
        Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
        for (int c = 0; c < COUNTERS; c++) acknowledged.put("c" + c, new AtomicLong());
        Map<String, Set<String>> liveKeysByThread = new ConcurrentHashMap<>();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                Set<String> live = new HashSet<>();
                liveKeysByThread.put("t" + thread, live);
                runWorker(thread, new Random(SEED + thread), acknowledged, live);
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) worker.get(5, TimeUnit.MINUTES);
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

        String seed = " (seed " + SEED + ", -Ddynamoid.stress.seed=" + SEED + ")";
        for (Map.Entry<String, AtomicLong> counter : acknowledged.entrySet()) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(COUNTER_TABLE).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS(counter.getKey())))).item();
            long stored = item.isEmpty() ? 0 : Long.parseLong(item.get("n").n());
            assertEquals(counter.getValue().get(), stored, "counter " + counter.getKey() + seed);
        }

        Set<String> expected = new HashSet<>();
        liveKeysByThread.values().forEach(expected::addAll);
        Set<String> scanned = new HashSet<>();
        Map<String, Integer> perOwner = new HashMap<>();
        Map<String, AttributeValue> start = null;
        int scanCount = 0;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName(ITEM_TABLE).consistentRead(true).limit(37).exclusiveStartKey(from));
            scanCount += page.count();
            for (Map<String, AttributeValue> item : page.items()) {
                assertTrue(scanned.add(key(item)), "scan returned " + key(item) + " twice" + seed);
                perOwner.merge(item.get("owner").s(), 1, Integer::sum);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(expected, scanned, "items in the table" + seed);
        assertEquals(scanCount, client.describeTable(b -> b.tableName(ITEM_TABLE)).table().itemCount(), "ItemCount" + seed);
        for (int o = 0; o < OWNERS; o++) {
            String owner = "o" + o;
            Set<String> indexed = new HashSet<>();
            client.queryPaginator(b -> b.tableName(ITEM_TABLE).indexName("byOwner").keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner)))).items()
                    .forEach(item -> indexed.add(key(item)));
            assertEquals(perOwner.getOrDefault(owner, 0), indexed.size(), "index entries of " + owner + seed);
            assertTrue(scanned.containsAll(indexed), "index holds items the table does not" + seed);
        }
    }

    private static void runWorker(int thread, Random random, Map<String, AtomicLong> acknowledged, Set<String> live) {
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            int choice = random.nextInt(10);
            if (choice < 3) {
                String counter = "c" + random.nextInt(COUNTERS);
                client.updateItem(b -> b.tableName(COUNTER_TABLE).key(Map.of("pk", AttributeValue.fromS(counter)))
                        .updateExpression("ADD n :one").conditionExpression("attribute_not_exists(n) OR n < :max")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN("1000000000"))));
                acknowledged.get(counter).incrementAndGet();
            } else if (choice < 5) {
                String a = "c" + random.nextInt(COUNTERS);
                String b = "c" + ((Integer.parseInt(a.substring(1)) + 1 + random.nextInt(COUNTERS - 1)) % COUNTERS);
                String pk = "t" + thread + "-" + random.nextInt(20);
                int sk = random.nextInt(3);
                try {
                    client.transactWriteItems(r -> r.transactItems(increment(a), increment(b),
                            TransactWriteItem.builder().put(p -> p.tableName(ITEM_TABLE).item(item(pk, sk, random))).build()));
                    acknowledged.get(a).incrementAndGet();
                    acknowledged.get(b).incrementAndGet();
                    live.add(pk + "/" + sk);
                } catch (TransactionCanceledException e) {
                    for (CancellationReason reason : e.cancellationReasons()) {
                        assertTrue(reason.code().equals("None") || reason.code().equals("TransactionConflict"),
                                "unexpected cancellation " + e.cancellationReasons());
                    }
                }
            } else if (choice < 7) {
                String pk = "t" + thread + "-" + random.nextInt(20);
                int sk = random.nextInt(3);
                client.putItem(b -> b.tableName(ITEM_TABLE).item(item(pk, sk, random)));
                live.add(pk + "/" + sk);
            } else if (choice == 7) {
                String pk = "t" + thread + "-" + random.nextInt(20);
                int sk = random.nextInt(3);
                client.deleteItem(b -> b.tableName(ITEM_TABLE).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)))));
                live.remove(pk + "/" + sk);
            } else if (choice == 8) {
                String pk = "t" + thread + "-" + random.nextInt(20);
                int found = client.query(b -> b.tableName(ITEM_TABLE).consistentRead(true).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk)))).count();
                // this thread alone writes its keys, so its own reads are exact
                long mine = live.stream().filter(k -> k.startsWith(pk + "/")).count();
                assertEquals(mine, found, "query of " + pk + " (seed " + SEED + ")");
            } else {
                client.scan(b -> b.tableName(random.nextBoolean() ? ITEM_TABLE : COUNTER_TABLE).limit(1 + random.nextInt(50))
                        .segment(random.nextInt(2)).totalSegments(2));
            }
        }
    }

    private static TransactWriteItem increment(String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(COUNTER_TABLE).key(Map.of("pk", AttributeValue.fromS(counter)))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
    }

    private static Map<String, AttributeValue> item(String pk, int sk, Random random) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)),
                "owner", AttributeValue.fromS("o" + random.nextInt(OWNERS)), "payload", AttributeValue.fromS("x".repeat(random.nextInt(2000))));
    }

    private static String key(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "/" + item.get("sk").n();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
