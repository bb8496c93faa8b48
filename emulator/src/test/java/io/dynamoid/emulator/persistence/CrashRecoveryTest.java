package io.dynamoid.emulator.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.dynamoid.emulator.persistence.PersistenceTesting.client;
import static io.dynamoid.emulator.persistence.PersistenceTesting.createTable;
import static io.dynamoid.emulator.persistence.PersistenceTesting.get;
import static io.dynamoid.emulator.persistence.PersistenceTesting.item;
import static io.dynamoid.emulator.persistence.PersistenceTesting.n;
import static io.dynamoid.emulator.persistence.PersistenceTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The standalone emulator ({@code Main --db-path}) in its own JVM, killed with SIGKILL while clients write
 * concurrently: after a restart on the same directory every acknowledged write is there and no transaction is
 * half applied. Repeated {@code -Ddynamoid.crashRepetitions=N} times (2 by default, to keep the build short),
 * alternating {@code --sync always} and {@code --sync batch} (whose writes reach the operating system before the
 * answer, so they too survive the process being killed; only a machine crash may lose the last interval).
 */
class CrashRecoveryTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    /** Round 0, 2, ... write with {@code --sync always}; 1, 3, ... with {@code --sync batch} and a long interval. */
    private static String[] syncArguments(int round) {
        return round % 2 == 0 ? new String[0] : new String[]{"--sync", "batch", "--sync-interval-ms", "60000"};
    }

    /** Every process started, so none outlives its test whatever happens. */
    private final List<Process> launched = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : launched) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A running emulator process and the endpoint it printed. */
    private record Server(Process process, URI endpoint) {
    }

    private Server startServer(String... extraArgs) throws IOException {
        Process process = launch(extraArgs);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Server(process, URI.create(m.group(1)));
            }
        }
        fail("the emulator did not start: " + seen + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return null;
    }

    private Process launch(String... extraArgs) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--db-path", dir.toString(), "--port", "0"));
        arguments.addAll(List.of(extraArgs));
        return launchMain(arguments);
    }

    private Process launchMain(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.dynamoid.emulator.server.Main"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        launched.add(process);
        return process;
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        int repetitions = Integer.getInteger("dynamoid.crashRepetitions", 2);
        Map<String, Integer> acknowledgedPuts = new ConcurrentHashMap<>();
        long[] acknowledgedCounters = new long[WRITERS];
        List<String> acknowledgedTransactions = new ArrayList<>();
        List<String> attemptedTransactions = new ArrayList<>();
        Boolean transactions = null;

        Server server = startServer();
        try (DynamoDbClient client = client(server.endpoint(), "crash", "us-east-1")) {
            createTable(client, "puts", false);
            createTable(client, "pairs", false);
        }
        for (int round = 0; round < repetitions; round++) {
            if (transactions == null) transactions = transactionsAvailable(server.endpoint());
            if (round > 0) server = startServer(syncArguments(round));
            Workload workload = new Workload(server.endpoint(), round, transactions);
            workload.start();
            workload.awaitSomeProgress();
            server.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertTrue(server.process().waitFor(30, TimeUnit.SECONDS));
            workload.join();
            acknowledgedPuts.putAll(workload.puts);
            for (int w = 0; w < WRITERS; w++) acknowledgedCounters[w] += workload.counters[w].get();
            acknowledgedTransactions.addAll(workload.transactions.keySet());
            attemptedTransactions.addAll(workload.attemptedTransactions.keySet());

            Server check = startServer();
            try (DynamoDbClient client = client(check.endpoint(), "crash", "us-east-1")) {
                for (Map.Entry<String, Integer> put : acknowledgedPuts.entrySet()) {
                    Map<String, AttributeValue> found = get(client, "puts", put.getKey());
                    assertNotNull(found, "acknowledged put lost in round " + round + ": " + put.getKey());
                    assertEquals(n(String.valueOf(put.getValue())), found.get("v"));
                }
                for (int w = 0; w < WRITERS; w++) {
                    Map<String, AttributeValue> counter = get(client, "puts", "counter-" + w);
                    long stored = counter == null ? 0 : Long.parseLong(counter.get("c").n());
                    // each writer has at most one increment in flight when killed, which may or may not have landed
                    assertTrue(stored >= acknowledgedCounters[w] && stored <= acknowledgedCounters[w] + 1,
                            "counter-" + w + " is " + stored + " after " + acknowledgedCounters[w] + " acknowledged increments");
                    acknowledgedCounters[w] = stored;
                }
                for (String pair : acknowledgedTransactions) {
                    assertNotNull(get(client, "pairs", pair + "-a"), "transaction lost: " + pair);
                    assertNotNull(get(client, "pairs", pair + "-b"), "transaction lost: " + pair);
                }
                for (String pair : attemptedTransactions) {
                    assertEquals(get(client, "pairs", pair + "-a") != null, get(client, "pairs", pair + "-b") != null,
                            "torn transaction " + pair);
                }
            }
            check.process().destroy();
            assertTrue(check.process().waitFor(30, TimeUnit.SECONDS));
        }
        System.err.printf("CrashRecoveryTest: %d kills; %d puts, %d increments, %d transactions acknowledged and found again%n",
                repetitions, acknowledgedPuts.size(), java.util.Arrays.stream(acknowledgedCounters).sum(), acknowledgedTransactions.size());
        if (!transactions) System.err.println("CrashRecoveryTest: TransactWriteItems is not available yet; its part was skipped");
        assertTrue(acknowledgedPuts.size() > 0, "the workload wrote something");
    }

    private static boolean transactionsAvailable(URI endpoint) {
        try (DynamoDbClient client = client(endpoint, "crash", "us-east-1")) {
            client.transactWriteItems(b -> b.transactItems(pairPut("probe-a"), pairPut("probe-b")));
            return true;
        } catch (DynamoDbException e) {
            if ("UnknownOperationException".equals(e.awsErrorDetails().errorCode())) return false;
            throw e;
        }
    }

    private static TransactWriteItem pairPut(String pk) {
        return TransactWriteItem.builder().put(Put.builder().tableName("pairs").item(item(pk)).build()).build();
    }

    /** Concurrent writers: puts, ADD counters and (when available) two-item transactions, each noting its acknowledgements. */
    private static final class Workload {
        final Map<String, Integer> puts = new ConcurrentHashMap<>();
        final AtomicLong[] counters = new AtomicLong[WRITERS];
        final Map<String, Boolean> transactions = new ConcurrentHashMap<>();
        final Map<String, Boolean> attemptedTransactions = new ConcurrentHashMap<>();
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicBoolean failed = new AtomicBoolean();
        private final CountDownLatch progress = new CountDownLatch(150);

        Workload(URI endpoint, int round, boolean withTransactions) {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                counters[w] = new AtomicLong();
                threads.add(new Thread(() -> {
                    try (DynamoDbClient client = client(endpoint, "crash", "us-east-1")) {
                        for (int i = 0; !failed.get(); i++) {
                            String key = "r" + round + "-w" + writer + "-" + i;
                            int value = i;
                            switch (i % 3) {
                                case 0 -> {
                                    client.putItem(b -> b.tableName("puts").item(item(key, "v", n(String.valueOf(value)))));
                                    puts.put(key, value);
                                }
                                case 1 -> {
                                    client.updateItem(b -> b.tableName("puts").key(Map.of("pk", s("counter-" + writer)))
                                            .updateExpression("ADD c :one").expressionAttributeValues(Map.of(":one", n("1"))));
                                    counters[writer].incrementAndGet();
                                }
                                default -> {
                                    if (withTransactions) {
                                        attemptedTransactions.put(key, true);
                                        client.transactWriteItems(b -> b.transactItems(pairPut(key + "-a"), pairPut(key + "-b")));
                                        transactions.put(key, true);
                                    }
                                }
                            }
                            progress.countDown();
                        }
                    } catch (RuntimeException e) {
                        failed.set(true); // the server was killed: this write was never acknowledged
                    }
                }, "crash-writer-" + w));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void awaitSomeProgress() throws InterruptedException {
            assertTrue(progress.await(60, TimeUnit.SECONDS), "the writers made no progress");
        }

        void join() throws InterruptedException {
            for (Thread t : threads) t.join(60_000);
        }
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsRefusedWithAClearError() throws Exception {
        startServer();
        Process second = launchMain(List.of("-dbPath", dir.toString(), "-port", "0")); // DynamoDB Local's spelling
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, second.exitValue(), err);
        assertTrue(err.contains("error: The data directory " + dir.toAbsolutePath() + " is in use by another Dynamoid emulator"), err);
    }

    @Test
    void anUnknownSyncModeIsRefused() throws Exception {
        Process process = launch("--sync", "sometimes");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), err);
        assertTrue(err.startsWith("error: --sync must be always or batch, not sometimes"), err);
    }
}
