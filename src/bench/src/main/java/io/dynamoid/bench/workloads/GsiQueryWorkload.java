package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Query of a global secondary index (ALL projection) on a low-cardinality attribute: 10 items of ~1 KB. */
final class GsiQueryWorkload implements Workload {
    private static final String TABLE = "bench-gsi";
    private static final String INDEX = "by-category";
    /** 1,000 pool items over 100 categories: 10 items each. */
    private static final int CATEGORIES = 100;
    private static final int PER_CATEGORY = BenchItems.POOL_SIZE / CATEGORIES;

    @Override
    public String name() {
        return "GSI Query 10 × 1 KB";
    }

    @Override
    public String id() {
        return "GsiQuery";
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
        String items = IntStream.range(0, PER_CATEGORY).mapToObj(i -> BenchItems.json(item(i * CATEGORIES)))
                .collect(Collectors.joining(","));
        return "{\"Items\":[" + items + "],\"Count\":" + PER_CATEGORY + ",\"ScannedCount\":" + PER_CATEGORY + "}";
    }

    @Override
    public void prepare(DynamoDbClient client) {
        BenchTable.create(client, TABLE, r -> r
                .attributeDefinitions(BenchTable.stringKey("pk"),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
                        BenchTable.stringKey("category"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(INDEX)
                        .keySchema(k -> k.attributeName("category").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        List<Map<String, AttributeValue>> items = IntStream.range(0, BenchItems.POOL_SIZE).mapToObj(GsiQueryWorkload::item).toList();
        BenchItems.writeAll(client, TABLE, items);
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        AttributeValue category = AttributeValue.fromS(category((int) ((thread * 7919L + iteration) % CATEGORIES)));
        int count = client.query(r -> r.tableName(TABLE).indexName(INDEX).keyConditionExpression("category = :c")
                .expressionAttributeValues(Map.of(":c", category))).count();
        if (count != PER_CATEGORY) {
            throw new IllegalStateException("GSI Query of " + category.s() + " found " + count + " items, not " + PER_CATEGORY);
        }
    }

    /** Pool item {@code index} with a category attribute. */
    private static Map<String, AttributeValue> item(int index) {
        Map<String, AttributeValue> item = new HashMap<>(BenchItems.item(index));
        item.put("category", AttributeValue.fromS(category(index % CATEGORIES)));
        return Map.copyOf(item);
    }

    private static String category(int n) {
        return "cat-" + n;
    }
}
