package io.dynamoid.emulator.concurrency;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.Transaction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Transaction#locked} straight on the storage: transactions over overlapping keys of two tables, in
 * every order and with repeated keys, interleaved with single-key {@link Table#locked} writers, never
 * deadlock (each thread finishes within the timeout) and never let two holders of one item in at once.
 */
class TransactionLocksTest extends EmulatorTestBase {
    private static final int THREADS = 8;
    private static final int ROUNDS = 1_000;
    private static final int KEYS = 40;

    @Test
    void overlappingTransactionsAndSingleWritesExcludeEachOtherWithoutDeadlock() throws Exception {
        List<Table> tables = List.of(table(), table());
        Map<String, AtomicInteger> holders = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                boolean single = t == 0;
                workers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int round = 0; round < ROUNDS; round++) {
                        List<Transaction.Target> targets = new ArrayList<>();
                        int size = single ? 1 : 1 + random.nextInt(5);
                        for (int i = 0; i < size; i++) {
                            Table table = tables.get(random.nextInt(tables.size()));
                            targets.add(new Transaction.Target(table, key(random.nextInt(KEYS))));
                        }
                        if (!single && random.nextBoolean()) targets.add(targets.get(0)); // the same item twice
                        Runnable critical = () -> {
                            List<String> held = distinctNames(targets);
                            for (String name : held) {
                                if (holders.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() != 1) overlaps.incrementAndGet();
                            }
                            Thread.yield();
                            for (String name : held) holders.get(name).decrementAndGet();
                        };
                        if (single) {
                            Transaction.Target target = targets.get(0);
                            target.table().locked(target.key(), () -> {
                                critical.run();
                                return null;
                            });
                        } else {
                            Transaction.locked(targets, () -> {
                                critical.run();
                                return null;
                            });
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, overlaps.get(), "two holders of one item at once");
    }

    private static List<String> distinctNames(List<Transaction.Target> targets) {
        List<String> names = new ArrayList<>();
        for (Transaction.Target target : targets) {
            String name = target.table().name() + "/" + target.key().partition();
            if (!names.contains(name)) names.add(name);
        }
        return names;
    }

    private static ItemKey key(int i) {
        return ItemKey.of(new AttrValue.S("k" + i), null);
    }

    private static Table table() {
        String name = uniqueTableName("locks");
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        return emulator.databases().forRequest("AKIDTEST", "us-east-1").table(name);
    }
}
