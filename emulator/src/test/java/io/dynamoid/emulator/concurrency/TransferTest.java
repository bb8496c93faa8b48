package io.dynamoid.emulator.concurrency;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test of transactions: 16 threads move money between 50 accounts with TransactWriteItems
 * (a conditional debit, a credit and a ledger entry per transfer), while a reader takes TransactGetItems
 * snapshots of every account and another thread keeps touching accounts with plain UpdateItem (single-key
 * locks interleaved with the transactions' ordered multi-key locks). Every snapshot and the final state
 * must hold the same total, no balance may go negative, and each account's balance must equal its opening
 * balance plus the ledger's transfers — so a transfer applied in part (a debit without its credit or its
 * ledger entry), or a balance lost to a concurrent single write, would be caught.
 */
class TransferTest extends EmulatorTestBase {
    private static final int THREADS = 16;
    private static final int ACCOUNTS = 50;
    private static final long OPENING_BALANCE = 100;
    private static final int TRANSFERS_PER_THREAD = 30;
    private static final long TIME_LIMIT_MILLIS = 15_000;

    @Test
    void concurrentTransfersConserveMoneyAndNeverApplyHalfATransfer() throws Exception {
        String accounts = table("accounts");
        String ledger = table("ledger");
        for (int i = 0; i < ACCOUNTS; i++) {
            int account = i;
            client.putItem(p -> p.tableName(accounts).item(Map.of("pk", s(name(account)), "balance", n(OPENING_BALANCE))));
        }
        long total = ACCOUNTS * OPENING_BALANCE;

        ConcurrentLinkedQueue<String> attempted = new ConcurrentLinkedQueue<>();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        long deadline = System.currentTimeMillis() + TIME_LIMIT_MILLIS;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < TRANSFERS_PER_THREAD && System.currentTimeMillis() < deadline; i++) {
                        int from = random.nextInt(ACCOUNTS);
                        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        long amount = 1 + random.nextInt(60);
                        String id = thread + "-" + i;
                        attempted.add(id);
                        try {
                            transfer(accounts, ledger, id, from, to, amount);
                            committed.incrementAndGet();
                        } catch (TransactionCanceledException e) {
                            // Only the debit's condition may fail: the other actions have none.
                            assertEquals(List.of("ConditionalCheckFailed", "None", "None"),
                                    e.cancellationReasons().stream().map(CancellationReason::code).toList());
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                int snapshots = 0;
                while (writing.get()) {
                    assertEquals(total, sum(snapshot(accounts)), "a snapshot saw a transfer half-applied");
                    snapshots++;
                }
                return snapshots;
            });
            Future<Integer> toucher = pool.submit(() -> {
                int touches = 0;
                while (writing.get()) {
                    int account = ThreadLocalRandom.current().nextInt(ACCOUNTS);
                    client.updateItem(u -> u.tableName(accounts).key(Map.of("pk", s(name(account))))
                            .updateExpression("ADD touches :one").expressionAttributeValues(Map.of(":one", n(1))));
                    touches++;
                }
                return touches;
            });
            for (Future<?> writer : writers) writer.get(TIME_LIMIT_MILLIS + 30_000, TimeUnit.MILLISECONDS);
            writing.set(false);
            assertTrue(reader.get(30, TimeUnit.SECONDS) > 0, "the reader took snapshots");
            assertTrue(toucher.get(30, TimeUnit.SECONDS) > 0, "single writes ran alongside");
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> balances = snapshot(accounts);
        assertEquals(total, sum(balances));
        balances.forEach((account, balance) -> assertTrue(balance >= 0, account + " went negative: " + balance));

        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) expected.put(name(i), OPENING_BALANCE);
        int entries = 0;
        for (Map<String, AttributeValue> entry : ledgerEntries(ledger, new ArrayList<>(attempted))) {
            entries++;
            long amount = Long.parseLong(entry.get("amount").n());
            expected.merge(entry.get("from").s(), -amount, Long::sum);
            expected.merge(entry.get("to").s(), amount, Long::sum);
        }
        assertEquals(committed.get(), entries, "one ledger entry per committed transfer");
        assertEquals(expected, balances, "balances reconcile with the ledger");
        assertTrue(committed.get() > 0, "some transfers committed");
    }

    /** Debit (only if the balance covers it), credit and ledger entry, all or nothing. */
    private static void transfer(String accounts, String ledger, String id, int from, int to, long amount) {
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(Map.of("pk", s(name(from))))
                        .updateExpression("SET balance = balance - :amount").conditionExpression("balance >= :amount")
                        .expressionAttributeValues(Map.of(":amount", n(amount))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(Map.of("pk", s(name(to))))
                        .updateExpression("SET balance = balance + :amount")
                        .expressionAttributeValues(Map.of(":amount", n(amount))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(ledger)
                        .item(Map.of("pk", s(id), "from", s(name(from)), "to", s(name(to)), "amount", n(amount))).build()).build()));
    }

    /** The ledger entries among {@code ids}, read 100 at a time. */
    private static List<Map<String, AttributeValue>> ledgerEntries(String ledger, List<String> ids) {
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<TransactGetItem> gets = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                gets.add(TransactGetItem.builder().get(Get.builder().tableName(ledger).key(Map.of("pk", s(id))).build()).build());
            }
            for (ItemResponse response : client.transactGetItems(r -> r.transactItems(gets)).responses()) {
                if (response.hasItem()) entries.add(response.item());
            }
        }
        return entries;
    }

    /** Every account's balance, read in one TransactGetItems. */
    private static Map<String, Long> snapshot(String accounts) {
        List<TransactGetItem> gets = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            gets.add(TransactGetItem.builder().get(Get.builder().tableName(accounts).key(Map.of("pk", s(name(i)))).build()).build());
        }
        Map<String, Long> balances = new HashMap<>();
        for (ItemResponse response : client.transactGetItems(r -> r.transactItems(gets)).responses()) {
            balances.put(response.item().get("pk").s(), Long.parseLong(response.item().get("balance").n()));
        }
        return balances;
    }

    private static long sum(Map<String, Long> balances) {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String table(String prefix) {
        String name = uniqueTableName(prefix);
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        return name;
    }

    private static String name(int account) {
        return "account-" + account;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
