package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A full Scan of a 2,000-item table (~1 KB each) in pages of Limit 100: one operation is the 20 requests.
 * It stops once it holds all 2,000 items, so the 21st request (an empty last page) is not sent; the canned
 * server's fixed page (100 items and a LastEvaluatedKey) then serves as every page.
 */
final class ScanPagingWorkload implements Workload {
    private static final String TABLE = "bench-scan";
    private static final int ITEMS = 2000;
    private static final int PAGE = 100;

    @Override
    public String name() {
        return "Scan 2,000 × 1 KB in pages of 100";
    }

    @Override
    public String id() {
        return "ScanPaging";
    }

    @Override
    public String operation() {
        return "Scan";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public String cannedResponse() {
        String items = IntStream.range(0, PAGE).mapToObj(i -> BenchItems.json(item(i))).collect(Collectors.joining(","));
        return "{\"Items\":[" + items + "],\"Count\":" + PAGE + ",\"ScannedCount\":" + PAGE
                + ",\"LastEvaluatedKey\":" + BenchItems.json(BenchItems.keyOf(item(PAGE - 1))) + "}";
    }

    @Override
    public void prepare(DynamoDbClient client) {
        BenchTable.create(client, TABLE, r -> { });
        List<Map<String, AttributeValue>> items = IntStream.range(0, ITEMS).mapToObj(ScanPagingWorkload::item).toList();
        BenchItems.writeAll(client, TABLE, items);
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        int total = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            ScanResponse page = client.scan(r -> r.tableName(TABLE).limit(PAGE).exclusiveStartKey(from));
            total += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && total < ITEMS);
        if (total != ITEMS) throw new IllegalStateException("paged Scan found " + total + " items, not " + ITEMS);
    }

    private static Map<String, AttributeValue> item(int index) {
        return BenchItems.build("scan-" + index % 20, index);
    }
}
