package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** PutItem of a ~1 KB item, overwriting the pool's items in turn. */
final class PutItemWorkload implements Workload {
    @Override
    public String name() {
        return "PutItem 1 KB";
    }

    @Override
    public String operation() {
        return "PutItem";
    }

    @Override
    public String cannedResponse() {
        return "{}";
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        client.putItem(r -> r.tableName(BenchTable.NAME).item(BenchItems.item(thread, iteration)));
    }
}
