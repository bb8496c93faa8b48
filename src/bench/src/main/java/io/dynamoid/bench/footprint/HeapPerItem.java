package io.dynamoid.bench.footprint;

import io.dynamoid.bench.Bench;
import io.dynamoid.bench.workloads.BenchItems;
import io.dynamoid.bench.workloads.BenchTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --heap-per-item}: the emulator's heap per stored item (issue #12's target: at most 2 KB of heap per
 * 1 KB item). Starts the standalone jar, creates the bench table, takes a class histogram of the live heap
 * (jcmd GC.class_histogram, which runs a full GC first), loads {@code items} items shaped like the bench pool
 * (~1 KB each by DynamoDB's size rules) with BatchWriteItem, takes a second histogram, and divides the growth
 * by the item count. The classes that grew most show where the bytes go.
 */
public final class HeapPerItem {
    private static final double TARGET_RATIO = 2.0;
    private static final int PARTITIONS = 1000;
    private static final int TOP_CLASSES = 15;
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private HeapPerItem() {
    }

    public static void run(Path jar, int items, int threads, Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        try (EmulatorLaunch emulator = EmulatorLaunch.start(List.of(java, "-jar", jar.toString(), "--port", "{port}"),
                logDir.resolve("heap-per-item.log"));
             DynamoDbClient client = Bench.client(emulator.endpoint(), threads)) {
            BenchTable.create(client);
            Histogram before = Histogram.of(emulator.pid(), java);
            long start = System.nanoTime();
            load(client, items, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            Histogram after = Histogram.of(emulator.pid(), java);
            TableDescription table = client.describeTable(r -> r.tableName(BenchTable.NAME)).table();
            double itemSize = (double) table.tableSizeBytes() / table.itemCount();
            double perItem = (double) (after.totalBytes() - before.totalBytes()) / items;
            System.out.printf(Locale.ROOT, "loaded %d items in %.0f s; table: %d items, %d bytes (DynamoDB size, %.0f B per item)%n",
                    items, seconds, table.itemCount(), table.tableSizeBytes(), itemSize);
            System.out.printf(Locale.ROOT, "live heap (after a full GC): %.1f MB before loading, %.1f MB after%n",
                    before.totalBytes() / 1e6, after.totalBytes() / 1e6);
            System.out.printf(Locale.ROOT, "%nHeap per item: %.0f bytes for an item of %.0f bytes = %.2f× its size (target ≤ %.1f×: %s)%n",
                    perItem, itemSize, perItem / itemSize, TARGET_RATIO, perItem / itemSize <= TARGET_RATIO ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "%nBiggest contributors (growth of the live heap, per item):%n"
                    + "| Class | instances per item | bytes per item |%n|---|---:|---:|%n");
            for (Map.Entry<String, long[]> grown : after.growthOver(before).subList(0, TOP_CLASSES)) {
                System.out.printf(Locale.ROOT, "| `%s` | %.2f | %.0f |%n", grown.getKey(),
                        (double) grown.getValue()[0] / items, (double) grown.getValue()[1] / items);
            }
        }
    }

    /** Writes items 0..count-1 with BatchWriteItem from several threads. */
    private static void load(DynamoDbClient client, int count, int threads) {
        BenchItems.loadInParallel(client, BenchTable.NAME, count, threads,
                i -> BenchItems.build("user-" + (i % PARTITIONS), (int) i));
    }

    /** A class histogram of a process's live objects: class name → {instances, bytes}. */
    private record Histogram(Map<String, long[]> byClass, long totalBytes) {
        static Histogram of(long pid, String java) {
            Path jcmd = Path.of(java).resolveSibling("jcmd");
            String output;
            try {
                Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                        .redirectErrorStream(true).start();
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) throw new IllegalStateException("jcmd failed:\n" + output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + jcmd, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, long[]> byClass = new HashMap<>();
            long total = 0;
            for (String line : output.split("\n")) {
                Matcher m = HISTOGRAM_LINE.matcher(line);
                if (!m.matches()) continue;
                long[] counts = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
                byClass.merge(m.group(3), counts, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                total += counts[1];
            }
            if (byClass.isEmpty()) throw new IllegalStateException("no class histogram in jcmd's output:\n" + output);
            return new Histogram(byClass, total);
        }

        /** Per class, this histogram minus {@code earlier}, biggest growth in bytes first. */
        List<Map.Entry<String, long[]>> growthOver(Histogram earlier) {
            Set<String> classes = new HashSet<>(byClass.keySet());
            classes.addAll(earlier.byClass.keySet());
            List<Map.Entry<String, long[]>> growth = new ArrayList<>();
            for (String name : classes) {
                long[] now = byClass.getOrDefault(name, new long[2]);
                long[] then = earlier.byClass.getOrDefault(name, new long[2]);
                growth.add(Map.entry(name, new long[] {now[0] - then[0], now[1] - then[1]}));
            }
            growth.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
            return growth;
        }
    }
}
