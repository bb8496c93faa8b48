package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** UpdateItem of an existing ~1 KB item: SET one attribute, ADD to a counter, under attribute_exists(pk). */
final class UpdateItemWorkload implements Workload {
    private static final Map<String, AttributeValue> VALUES =
            Map.of(":one", AttributeValue.fromN("1"), ":name", AttributeValue.fromS("updated"));

    @Override
    public String name() {
        return "UpdateItem 1 KB";
    }

    @Override
    public String operation() {
        return "UpdateItem";
    }

    @Override
    public String cannedResponse() {
        return "{}";
    }

    @Override
    public void prepare(DynamoDbClient client) {
        BenchItems.writePool(client);
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        Map<String, AttributeValue> key = BenchItems.keyOf(BenchItems.item(thread, iteration));
        client.updateItem(r -> r.tableName(BenchTable.NAME).key(key)
                .updateExpression("SET #name = :name ADD #count :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#count", "count", "#name", "name"))
                .expressionAttributeValues(VALUES));
    }
}
