package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.stream.Collectors;

/** Query of one whole partition: 10 items of ~1 KB, by partition key alone. */
final class QueryWorkload implements Workload {
    private static final int ITEMS_PER_PARTITION = BenchItems.POOL_SIZE / BenchItems.PARTITIONS;

    @Override
    public String name() {
        return "Query 10 × 1 KB";
    }

    @Override
    public String operation() {
        return "Query";
    }

    @Override
    public String cannedResponse() {
        String items = BenchItems.partition(0).stream().map(BenchItems::json).collect(Collectors.joining(","));
        return "{\"Items\":[" + items + "],\"Count\":" + ITEMS_PER_PARTITION + ",\"ScannedCount\":" + ITEMS_PER_PARTITION + "}";
    }

    @Override
    public void prepare(DynamoDbClient client) {
        BenchItems.writePool(client);
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        AttributeValue partitionKey = BenchItems.item(thread, iteration).get("pk");
        int count = client.query(r -> r.tableName(BenchTable.NAME).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", partitionKey))).count();
        if (count != ITEMS_PER_PARTITION) {
            throw new IllegalStateException("Query of " + partitionKey.s() + " found " + count + " items, not " + ITEMS_PER_PARTITION);
        }
    }
}
