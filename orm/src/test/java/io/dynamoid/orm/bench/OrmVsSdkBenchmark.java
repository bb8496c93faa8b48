package io.dynamoid.orm.bench;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * ORM save + find against the plain SDK sending the same requests (conditional PutItem, then GetItem) through
 * the same client and endpoint, in one run; prints the ORM's overhead ratio. Self-contained so it can move to
 * {@code src/bench}. Run: {@code mvn -q -pl orm -am test-compile exec:java ...} or from an IDE; arguments:
 * [rounds] [operations per round]; {@code DYNAMOID_ENDPOINT} measures against another endpoint.
 */
public final class OrmVsSdkBenchmark {

    public static class Player extends Model<Player> {
        public static final Finder<Player> find = Finder.of(Player.class);
        public String name;
        public String team;
        public int level;
        public long score;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (Dynamoid dynamoid = Dynamoid.create(DynamoidConfig.builder().namespace("bench_" + UUID.randomUUID().toString().substring(0, 8)).build());
             Dynamoid.Scope scope = dynamoid.makeCurrent()) {
            dynamoid.createTables(Player.class);
            String table = dynamoid.tableName(Player.class);
            DynamoDbClient client = dynamoid.client();

            run(operations, () -> orm(), () -> sdk(client, table)); // warm-up
            long ormNanos = 0;
            long sdkNanos = 0;
            for (int round = 0; round < rounds; round++) {
                // Alternate the order so neither side always runs on a warmer JVM.
                long[] times = round % 2 == 0 ? run(operations, OrmVsSdkBenchmark::orm, () -> sdk(client, table))
                        : swap(run(operations, () -> sdk(client, table), OrmVsSdkBenchmark::orm));
                ormNanos += times[0];
                sdkNanos += times[1];
            }
            long total = (long) rounds * operations;
            System.out.printf("endpoint %s, %d save+find pairs per side%n", dynamoid.endpoint(), total);
            System.out.printf("ORM: %.1f µs per save+find (%.0f pairs/s)%n", ormNanos / 1000.0 / total, total * 1e9 / ormNanos);
            System.out.printf("SDK: %.1f µs per save+find (%.0f pairs/s)%n", sdkNanos / 1000.0 / total, total * 1e9 / sdkNanos);
            System.out.printf("ORM overhead ratio: %.3f (ORM time / SDK time)%n", (double) ormNanos / sdkNanos);
            dynamoid.deleteNamespaceTables();
        }
    }

    private static void orm() {
        Player p = new Player();
        p.name = "ann";
        p.team = "red";
        p.level = 3;
        p.score = 1200;
        p.save();
        Player found = Player.find.byId(p.getId());
        if (found.score != 1200) {
            throw new IllegalStateException("read back a different score");
        }
    }

    /** What the ORM sends for the same model: id, fields, timestamps; a put that never overwrites; a get. */
    private static void sdk(DynamoDbClient client, String table) {
        String id = UUID.randomUUID().toString();
        String now = Long.toString(Instant.now().getEpochSecond());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("name", AttributeValue.fromS("ann"));
        item.put("team", AttributeValue.fromS("red"));
        item.put("level", AttributeValue.fromN("3"));
        item.put("score", AttributeValue.fromN("1200"));
        item.put("created_at", AttributeValue.fromN(now));
        item.put("updated_at", AttributeValue.fromN(now));
        client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#n0)")
                .expressionAttributeNames(Map.of("#n0", "id")));
        Map<String, AttributeValue> found = client.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))).item();
        if (!"1200".equals(found.get("score").n())) {
            throw new IllegalStateException("read back a different score");
        }
    }

    private static long[] run(int operations, Runnable first, Runnable second) {
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            first.run();
        }
        long middle = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            second.run();
        }
        return new long[]{middle - start, System.nanoTime() - middle};
    }

    private static long[] swap(long[] times) {
        return new long[]{times[1], times[0]};
    }
}
