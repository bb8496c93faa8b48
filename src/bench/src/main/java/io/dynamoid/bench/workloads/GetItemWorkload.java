package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** GetItem (eventually consistent) of an existing ~1 KB item. */
final class GetItemWorkload implements Workload {
    @Override
    public String name() {
        return "GetItem 1 KB";
    }

    @Override
    public String operation() {
        return "GetItem";
    }

    @Override
    public String cannedResponse() {
        return "{\"Item\":" + BenchItems.json(BenchItems.item(0)) + "}";
    }

    @Override
    public void prepare(DynamoDbClient client) {
        BenchItems.writePool(client);
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        Map<String, AttributeValue> key = BenchItems.keyOf(BenchItems.item(thread, iteration));
        if (!client.getItem(r -> r.tableName(BenchTable.NAME).key(key)).hasItem()) {
            throw new IllegalStateException("GetItem found no item for " + key);
        }
    }
}
