package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.List;
import java.util.Map;

/**
 * TransactWriteItems of 4 actions on 4 distinct pool items: 2 Puts, 1 Update under a condition and
 * 1 ConditionCheck. dynalite has no transactions, so it is reported as n/a.
 */
final class TransactWriteItemsWorkload implements Workload {
    private static final int ACTIONS = 4;
    private static final Map<String, AttributeValue> UPDATE_VALUES =
            Map.of(":one", AttributeValue.fromN("1"), ":name", AttributeValue.fromS("updated"));

    @Override
    public String name() {
        return "TransactWriteItems 4";
    }

    @Override
    public String operation() {
        return "TransactWriteItems";
    }

    @Override
    public String cannedResponse() {
        return "{}";
    }

    @Override
    public boolean supportedBy(String server) {
        return !server.equals("dynalite");
    }

    @Override
    public void prepare(DynamoDbClient client) {
        BenchItems.writePool(client);
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        long first = iteration * ACTIONS;
        List<TransactWriteItem> actions = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(BenchTable.NAME).item(BenchItems.item(thread, first))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(BenchTable.NAME).item(BenchItems.item(thread, first + 1))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(BenchTable.NAME)
                        .key(BenchItems.keyOf(BenchItems.item(thread, first + 2)))
                        .updateExpression("SET #name = :name ADD #count :one")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#name", "name", "#count", "count"))
                        .expressionAttributeValues(UPDATE_VALUES)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(BenchTable.NAME)
                        .key(BenchItems.keyOf(BenchItems.item(thread, first + 3)))
                        .conditionExpression("attribute_exists(pk)")).build());
        client.transactWriteItems(r -> r.transactItems(actions));
    }
}
