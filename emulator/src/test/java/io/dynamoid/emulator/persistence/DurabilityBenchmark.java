package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Durability benchmark (a main, not a test): write throughput through the real SDK with the data in memory,
 * with {@code --sync always} and with {@code --sync batch}, side by side; then recovery time of a data
 * directory holding N items of about 1 KB. Properties: {@code bench.threads} (16), {@code bench.seconds} (10),
 * {@code bench.items} (1000000), {@code bench.dir} (a temporary directory).
 */
public final class DurabilityBenchmark {
    private static final String PAD = "x".repeat(1000);
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 16);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int items = Integer.getInteger("bench.items", 1_000_000);
        Path base = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))), "dynamoid-bench");
        System.out.printf("Write throughput: %d client threads, %d s each, PutItem of ~1 KB items through the AWS SDK%n", threads, seconds);
        throughput(null, Emulator.builder(), threads, Math.max(2, seconds / 2)); // warm-up (JIT), not shown
        System.out.printf("%-16s %10s %10s %10s%n", "mode", "writes/s", "p50 ms", "p99 ms");
        throughput("in memory", Emulator.builder(), threads, seconds);
        throughput("--sync always", Emulator.builder().dbPath(base.resolve("always")), threads, seconds);
        throughput("--sync batch", Emulator.builder().dbPath(base.resolve("batch")).sync(SyncMode.BATCH), threads, seconds);

        System.out.printf("%nStorage-level write throughput (no HTTP: %d threads committing ~1 KB items, %d s each)%n", threads, seconds);
        System.out.printf("%-16s %10s %14s%n", "mode", "writes/s", "writes/fsync");
        storageThroughput("in memory", null, null, threads, seconds);
        storageThroughput("--sync always", base.resolve("storage-always"), Persistence.Options.DEFAULTS, threads, seconds);
        storageThroughput("--sync batch", base.resolve("storage-batch"),
                new Persistence.Options(SyncMode.BATCH, 100, Persistence.Options.DEFAULT_COMPACT_AFTER_BYTES), threads, seconds);

        recovery(base.resolve("recovery"), items);
        deleteTree(base);
    }

    private static void throughput(String label, Emulator.Builder builder, int threads, int seconds) throws Exception {
        try (Emulator emulator = builder.start(); DynamoDbClient setup = PersistenceTesting.client(emulator)) {
            PersistenceTesting.createTable(setup, "bench", false);
            AtomicBoolean stop = new AtomicBoolean();
            List<long[]> latencies = new ArrayList<>();
            List<Thread> writers = new ArrayList<>();
            int[] counts = new int[threads];
            for (int t = 0; t < threads; t++) {
                int writer = t;
                long[] mine = new long[2_000_000];
                latencies.add(mine);
                writers.add(new Thread(() -> {
                    try (DynamoDbClient client = PersistenceTesting.client(emulator)) {
                        for (int i = 0; !stop.get(); i++) {
                            Map<String, AttributeValue> item = PersistenceTesting.item("w" + writer + "-" + i, "pad", PersistenceTesting.s(PAD));
                            long start = System.nanoTime();
                            client.putItem(b -> b.tableName("bench").item(item));
                            if (counts[writer] < mine.length) mine[counts[writer]] = System.nanoTime() - start;
                            counts[writer]++;
                        }
                    }
                }));
            }
            // warm up briefly so JIT compilation does not count against the first mode
            Thread.sleep(200);
            long startNanos = System.nanoTime();
            writers.forEach(Thread::start);
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Thread w : writers) w.join();
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            long total = Arrays.stream(counts).sum();
            long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE)];
            int at = 0;
            for (int t = 0; t < threads; t++) {
                int n = Math.min(counts[t], latencies.get(t).length);
                System.arraycopy(latencies.get(t), 0, all, at, n);
                at += n;
            }
            long[] sorted = Arrays.copyOf(all, at);
            Arrays.sort(sorted);
            if (label == null) return;
            System.out.printf("%-16s %10.0f %10.2f %10.2f%n", label, total / elapsed,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }

    private static void storageThroughput(String label, Path dir, Persistence.Options options, int threads, int seconds) throws Exception {
        Persistence persistence = dir == null ? null : Persistence.open(dir, false, options);
        try {
            Database database = persistence == null ? new Database("us-east-1", "000000000000")
                    : persistence.databases().forRequest("bench", "us-east-1");
            Table table = benchTable(database);
            AtomicBoolean stop = new AtomicBoolean();
            long[] counts = new long[threads];
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        Map<String, AttrValue> attributes = Map.of("pk", new AttrValue.S("w" + writer + "-" + i), "pad", new AttrValue.S(PAD));
                        ItemKey key = table.keyOf(attributes);
                        Item item = Item.of(attributes);
                        table.locked(key, () -> table.commit(key, item));
                        counts[writer]++;
                    }
                }));
            }
            long syncsBefore = persistence == null ? 0 : persistence.syncs();
            long start = System.nanoTime();
            writers.forEach(Thread::start);
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Thread w : writers) w.join();
            double elapsed = (System.nanoTime() - start) / 1e9;
            long total = Arrays.stream(counts).sum();
            long syncs = persistence == null ? 0 : persistence.syncs() - syncsBefore;
            System.out.printf("%-16s %10.0f %14s%n", label, total / elapsed, syncs == 0 ? "-" : String.format("%.1f", (double) total / syncs));
        } finally {
            if (persistence != null) persistence.close();
        }
    }

    private static Table benchTable(Database database) {
        Table table = new Table(new TableDefinition("bench", database.tableArn("bench"), "bench-id", 0, "ACTIVE",
                new KeySchema(new KeyElement("pk", "HASH", "S"), null), Map.of("pk", "S"), TableDefinition.PAY_PER_REQUEST, 0,
                Throughput.ON_DEMAND, List.of(), List.of(), false, null, null, null, false));
        database.addIfAbsent(table);
        return table;
    }

    private static void recovery(Path dir, int count) throws Exception {
        System.out.printf("%nRecovery: %,d items of ~1 KB%n", count);
        long writeStart = System.nanoTime();
        Persistence.Options options = new Persistence.Options(SyncMode.BATCH, 100, Persistence.Options.DEFAULT_COMPACT_AFTER_BYTES);
        try (Persistence persistence = Persistence.open(dir, false, options)) {
            Database database = persistence.databases().forRequest("bench", "us-east-1");
            Table table = benchTable(database);
            for (int i = 0; i < count; i++) {
                Map<String, AttrValue> attributes = Map.of("pk", new AttrValue.S("item-" + i), "n", AttrValue.N.of(i),
                        "pad", new AttrValue.S(PAD));
                ItemKey key = table.keyOf(attributes);
                Item item = Item.of(attributes);
                table.locked(key, () -> table.commit(key, item));
            }
            // let a running snapshot finish, as it would on a server that keeps running
            Thread.sleep(2000);
        }
        System.out.printf("  written in %.1f s; on disk: %s%n", (System.nanoTime() - writeStart) / 1e9, describe(dir));
        for (int run = 1; run <= 2; run++) {
            System.gc();
            long start = System.nanoTime();
            long startCpu = CPU.getCurrentThreadCpuTime();
            long startGc = gcMillis();
            long loaded;
            try (Persistence persistence = Persistence.open(dir, false, options)) {
                loaded = persistence.databases().forRequest("bench", "us-east-1").table("bench").itemCount();
            }
            // CPU time too: on a shared machine the wall time mostly measures the neighbours
            System.out.printf("  recovery run %d: %,d items in %.2f s (%.2f s CPU in the loading thread, %.2f s in GC)%n", run, loaded,
                    (System.nanoTime() - start) / 1e9, (CPU.getCurrentThreadCpuTime() - startCpu) / 1e9, (gcMillis() - startGc) / 1e3);
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }

    private static String describe(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder s = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (f.getFileName().toString().endsWith(".lock")) continue;
                s.append(f.getFileName()).append(' ').append(Files.size(f) / (1024 * 1024)).append(" MB; ");
            }
            return s.toString();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
