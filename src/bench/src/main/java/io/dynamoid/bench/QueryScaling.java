package io.dynamoid.bench;

import io.dynamoid.bench.workloads.BenchItems;
import io.dynamoid.bench.workloads.BenchTable;
import io.dynamoid.bench.workloads.Workload;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code --query-scaling}: does our emulator's Query cost depend on the table's size? Loads one table with
 * 10,000 items of ~200 B and another with {@code --query-scaling-max} items (default 1,000,000), then measures
 * a 50-item Query on the small, the large and the small table again. Only ours: dynalite loads far too slowly for a million items.
 */
final class QueryScaling {
    private static final long SMALL = 10_000;
    private static final int PARTITION_SIZE = 100;
    private static final int RANGE = 50;
    private static final String PAYLOAD = "y".repeat(150);

    private QueryScaling() {
    }

    static void run(BenchOptions options, Report report) {
        try (ServerProcess ours = Bench.start("ours", options);
             DynamoDbClient client = Bench.client(ours, options.threads())) {
            long large = Math.max(SMALL, options.queryScalingMax());
            ScalingQuery smallQuery = new ScalingQuery(SMALL);
            ScalingQuery largeQuery = new ScalingQuery(large);
            for (ScalingQuery query : List.of(smallQuery, largeQuery)) {
                BenchTable.create(client, query.table(), r -> { });
                load(client, query.table(), query.tableItems(), options.threads());
            }
            // Small, large, small again: the first run also warms the JIT up, the comparison uses the last two.
            LoadDriver driver = new LoadDriver(options.threads(), options.warmUp(), options.measured());
            List<Measurement> measurements = new ArrayList<>();
            for (ScalingQuery query : List.of(smallQuery, largeQuery, smallQuery)) {
                Measurement measurement = driver.measure(query, client, ours);
                report.printMeasurement(measurement);
                measurements.add(measurement);
            }
            System.out.printf(Locale.ROOT, "%nQuery scaling (ours; 50 of a partition's 100 items of ~200 B; in run order):%n"
                            + "| Table items | ops/s | p50 ms | p99 ms | server CPU µs/op | errors |%n|---:|---:|---:|---:|---:|---:|%n");
            for (Measurement m : measurements) {
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.3f | %.0f | %d |%n", m.workload().substring("Query 50 of ".length()),
                        m.opsPerSecond(), m.p50Nanos() / 1e6, m.p99Nanos() / 1e6, m.serverCpuMicrosPerOp(), m.errors());
            }
            Measurement largeRun = measurements.get(1);
            Measurement smallRun = measurements.get(2);
            System.out.printf(Locale.ROOT, "Ratio %d/%d items (large run / second small run): p50 %.2f, p99 %.2f, server CPU/op %.2f"
                            + " (≈1 = size-independent)%n", large, SMALL,
                    (double) largeRun.p50Nanos() / smallRun.p50Nanos(), (double) largeRun.p99Nanos() / smallRun.p99Nanos(),
                    largeRun.serverCpuMicrosPerOp() / smallRun.serverCpuMicrosPerOp());
        }
    }

    /** Writes items [0, to) with BatchWriteItem from several threads, printing the rate. */
    private static void load(DynamoDbClient client, String table, long to, int threads) {
        long start = System.nanoTime();
        BenchItems.loadInParallel(client, table, to, threads, QueryScaling::item);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "loaded " + table + " items 0..%d in %.0f s (%.0f items/s)%n", to, seconds, to / seconds);
    }

    /** Item i: partition "p-(i / 100)", sort key i mod 100, ~200 B. */
    private static Map<String, AttributeValue> item(long index) {
        return Map.of("pk", AttributeValue.fromS("p-" + index / PARTITION_SIZE),
                "sk", AttributeValue.fromN(Long.toString(index % PARTITION_SIZE)),
                "payload", AttributeValue.fromS(PAYLOAD));
    }

    /** 50 consecutive items of a random partition of a table of {@code tableItems} items. */
    private record ScalingQuery(long tableItems) implements Workload {
        @Override
        public String table() {
            return "scaling-" + tableItems;
        }

        @Override
        public String name() {
            return "Query 50 of " + tableItems;
        }

        @Override
        public String operation() {
            return "Query";
        }

        @Override
        public String cannedResponse() {
            throw new UnsupportedOperationException("query scaling runs against ours only");
        }

        @Override
        public void run(DynamoDbClient client, int thread, long iteration) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long partition = random.nextLong(tableItems / PARTITION_SIZE);
            int low = random.nextInt(PARTITION_SIZE - RANGE + 1);
            Map<String, AttributeValue> values = Map.of(":pk", AttributeValue.fromS("p-" + partition),
                    ":low", AttributeValue.fromN(Integer.toString(low)),
                    ":high", AttributeValue.fromN(Integer.toString(low + RANGE - 1)));
            int count = client.query(r -> r.tableName(table()).keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                    .expressionAttributeValues(values)).count();
            if (count != RANGE) throw new IllegalStateException("Query of p-" + partition + " found " + count + " items, not " + RANGE);
        }
    }
}
