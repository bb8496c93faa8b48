package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Query of a sort-key range: 50 of a partition's 100 items of ~1 KB, in one page. */
final class Query50of100Workload implements Workload {
    private static final String TABLE = "bench-query100";
    private static final int PARTITIONS = 20;
    private static final int PARTITION_SIZE = 100;
    private static final int RANGE = 50;

    @Override
    public String name() {
        return "Query 50 of 100 × 1 KB";
    }

    @Override
    public String id() {
        return "Query50of100";
    }

    @Override
    public String operation() {
        return "Query";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public String cannedResponse() {
        String items = IntStream.range(0, RANGE).mapToObj(sk -> BenchItems.json(item(0, sk))).collect(Collectors.joining(","));
        return "{\"Items\":[" + items + "],\"Count\":" + RANGE + ",\"ScannedCount\":" + RANGE + "}";
    }

    @Override
    public void prepare(DynamoDbClient client) {
        BenchTable.create(client, TABLE, r -> { });
        List<Map<String, AttributeValue>> items = IntStream.range(0, PARTITIONS * PARTITION_SIZE)
                .mapToObj(i -> item(i / PARTITION_SIZE, i % PARTITION_SIZE)).toList();
        BenchItems.writeAll(client, TABLE, items);
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        long n = thread * 7919L + iteration;
        int low = (int) (n % (PARTITION_SIZE - RANGE + 1));
        Map<String, AttributeValue> values = Map.of(
                ":pk", AttributeValue.fromS(partitionKey((int) (n % PARTITIONS))),
                ":low", AttributeValue.fromN(Integer.toString(low)),
                ":high", AttributeValue.fromN(Integer.toString(low + RANGE - 1)));
        var response = client.query(r -> r.tableName(TABLE).keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                .expressionAttributeValues(values));
        if (response.count() != RANGE || response.hasLastEvaluatedKey()) {
            throw new IllegalStateException("Query found " + response.count() + " items (paged: "
                    + response.hasLastEvaluatedKey() + "), not " + RANGE + " in one page");
        }
    }

    private static Map<String, AttributeValue> item(int partition, int sk) {
        return BenchItems.build(partitionKey(partition), sk);
    }

    private static String partitionKey(int partition) {
        return "part-" + partition;
    }
}
