package io.dynamoid.orm.bench;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.GlobalIndex;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.Projection;
import io.dynamoid.orm.RangeKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.dynamoid.orm.criteria.Condition.between;
import static io.dynamoid.orm.criteria.Condition.gte;

/**
 * The ORM against the plain SDK sending the same requests through the same client and endpoint, in one run:
 * save + find (conditional PutItem, then GetItem), a Query of 50 items by hash key and range condition, and a
 * filtered Query of a global index. Each workload alternates ORM and SDK rounds after a warm-up and prints µs per
 * operation on each side, the ORM's own overhead in µs and the ratio. Self-contained so it can move to
 * {@code src/bench}. Run with the test classpath ({@code mvn -q -o -pl orm -am test-compile}, then
 * {@code java -cp orm/target/test-classes:orm/target/classes:<dependencies> io.dynamoid.orm.bench.OrmVsSdkBenchmark});
 * arguments: [rounds] [operations per round]; {@code DYNAMOID_ENDPOINT} measures against another endpoint.
 */
public final class OrmVsSdkBenchmark {

    public static class Player extends Model<Player> {
        public static final Finder<Player> find = Finder.of(Player.class);
        public String name;
        public String team;
        public int level;
        public long score;
    }

    /** 100 rounds per player; the index holds team → score, so a team's strong scores are one Query. */
    @GlobalIndex(name = "by_team_score", hashKey = "team", rangeKey = "score", projection = Projection.ALL)
    public static class Match extends Model<Match> {
        public static final Finder<Match> find = Finder.of(Match.class);
        @HashKey
        public String player;
        @RangeKey
        public int round;
        public String team;
        public long score;
        public String map;
    }

    private static final int ROUNDS_PER_PLAYER = 100;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (Dynamoid dynamoid = Dynamoid.create(DynamoidConfig.builder().namespace("bench_" + UUID.randomUUID().toString().substring(0, 8)).build());
             Dynamoid.Scope scope = dynamoid.makeCurrent()) {
            String table = dynamoid.tableName(Player.class);
            DynamoDbClient client = dynamoid.client();

            dynamoid.createTables(Player.class, Match.class);
            String matches = dynamoid.tableName(Match.class);
            fillMatches();
            System.out.printf("endpoint %s, %d rounds of %d operations per side, load average %.2f%n", dynamoid.endpoint(), rounds, operations,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            measure("save + find", rounds, operations, OrmVsSdkBenchmark::orm, () -> sdk(client, table));
            measure("Query 50 of 100 by hash + range", rounds, operations, OrmVsSdkBenchmark::ormQuery, () -> sdkQuery(client, matches));
            measure("GSI Query with a filter", rounds, operations, OrmVsSdkBenchmark::ormIndexQuery, () -> sdkIndexQuery(client, matches));
            System.out.printf("load average %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            dynamoid.deleteNamespaceTables();
        }
    }

    /**
     * Warms both sides up, then alternates which runs first so neither always runs on a warmer JVM. Wall time
     * includes the emulator's work (other threads of this JVM); the calling thread's CPU time is the client side
     * alone (SDK marshalling, plus the ORM's work on the ORM side), so it shows the ORM's own cost even on a
     * loaded machine.
     */
    private static void measure(String workload, int rounds, int operations, Runnable orm, Runnable sdk) {
        run(operations, orm, sdk);
        long[] ormTotals = new long[2];
        long[] sdkTotals = new long[2];
        for (int round = 0; round < rounds; round++) {
            long[][] times = round % 2 == 0 ? run(operations, orm, sdk) : swap(run(operations, sdk, orm));
            for (int i = 0; i < 2; i++) {
                ormTotals[i] += times[0][i];
                sdkTotals[i] += times[1][i];
            }
        }
        double total = (double) rounds * operations * 1000;
        System.out.printf("%-32s wall: ORM %7.1f µs, SDK %7.1f µs, ratio %.3f | client CPU: ORM %6.1f µs, SDK %6.1f µs, ORM's own %6.1f µs%n",
                workload, ormTotals[0] / total, sdkTotals[0] / total, (double) ormTotals[0] / sdkTotals[0],
                ormTotals[1] / total, sdkTotals[1] / total, (ormTotals[1] - sdkTotals[1]) / total);
    }

    /** Two players × 100 rounds; every 4th round of team red on map "dust". */
    private static void fillMatches() {
        List<Match> all = new ArrayList<>();
        for (String player : List.of("p1", "p2")) {
            for (int round = 0; round < ROUNDS_PER_PLAYER; round++) {
                Match m = new Match();
                m.player = player;
                m.round = round;
                m.team = round % 2 == 0 ? "red" : "blue";
                m.score = round * 10L;
                m.map = round % 4 == 0 ? "dust" : "nuke";
                all.add(m);
            }
        }
        Match.find.importAll(all);
    }

    private static void ormQuery() {
        List<Match> found = Match.find.where("player", "p1").where("round", between(25, 74)).all();
        check(found.size() == 50 && found.get(0).score == 250, "ORM query");
    }

    /** The request the ORM sends for the chain above, its items read into the same fields. */
    private static void sdkQuery(DynamoDbClient client, String table) {
        QueryResponse r = client.query(b -> b.tableName(table).keyConditionExpression("#q0 = :q0 AND #q1 BETWEEN :q1 AND :q2")
                .expressionAttributeNames(Map.of("#q0", "player", "#q1", "round"))
                .expressionAttributeValues(Map.of(":q0", AttributeValue.fromS("p1"), ":q1", AttributeValue.fromN("25"), ":q2", AttributeValue.fromN("74")))
                .consistentRead(false).scanIndexForward(true));
        List<long[]> rows = r.items().stream().map(OrmVsSdkBenchmark::row).toList();
        check(rows.size() == 50 && rows.get(0)[1] == 250, "SDK query");
    }

    private static void ormIndexQuery() {
        List<Match> found = Match.find.where("team", "red").where("score", gte(500)).where("map", "dust").all();
        check(found.size() == 24, "ORM index query"); // rounds 52, 56... 96 of both players
    }

    private static void sdkIndexQuery(DynamoDbClient client, String table) {
        QueryResponse r = client.query(b -> b.tableName(table).indexName("by_team_score")
                .keyConditionExpression("#q0 = :q0 AND #q1 >= :q1").filterExpression("#q2 = :q2")
                .expressionAttributeNames(Map.of("#q0", "team", "#q1", "score", "#q2", "map"))
                .expressionAttributeValues(Map.of(":q0", AttributeValue.fromS("red"), ":q1", AttributeValue.fromN("500"), ":q2", AttributeValue.fromS("dust")))
                .consistentRead(false).scanIndexForward(true));
        List<long[]> rows = r.items().stream().map(OrmVsSdkBenchmark::row).toList();
        check(rows.size() == 24, "SDK index query");
    }

    /** What a hand-written SDK caller does with an item: read its fields into values. */
    private static long[] row(Map<String, AttributeValue> item) {
        String team = item.get("team").s();
        String map = item.get("map").s();
        return new long[]{Long.parseLong(item.get("round").n()), Long.parseLong(item.get("score").n()), team.length() + map.length()};
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " read something else");
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

    /** {wall, calling-thread CPU} nanoseconds of {@code first}, then of {@code second}. */
    private static long[][] run(int operations, Runnable first, Runnable second) {
        return new long[][]{time(operations, first), time(operations, second)};
    }

    private static long[] time(int operations, Runnable work) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < operations; i++) {
            work.run();
        }
        return new long[]{System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu};
    }

    private static long[][] swap(long[][] times) {
        return new long[][]{times[1], times[0]};
    }
}
