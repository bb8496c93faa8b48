package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** BatchWriteItem of 25 puts of ~1 KB pool items (overwriting them); unprocessed items count as an error. */
final class BatchWriteItemWorkload implements Workload {
    private static final int BATCH = 25;

    @Override
    public String name() {
        return "BatchWriteItem 25 × 1 KB";
    }

    @Override
    public String operation() {
        return "BatchWriteItem";
    }

    @Override
    public String cannedResponse() {
        return "{\"UnprocessedItems\":{}}";
    }

    @Override
    public void run(DynamoDbClient client, int thread, long iteration) {
        List<WriteRequest> puts = LongStream.range(iteration * BATCH, (iteration + 1) * BATCH)
                .mapToObj(i -> WriteRequest.builder().putRequest(p -> p.item(BenchItems.item(thread, i))).build()).toList();
        if (!client.batchWriteItem(r -> r.requestItems(Map.of(BenchTable.NAME, puts))).unprocessedItems().isEmpty()) {
            throw new IllegalStateException("BatchWriteItem left items unprocessed");
        }
    }
}
