package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One benchmarked request type. Adding a workload = one class implementing this, listed in {@link Workloads#ALL}.
 * Workloads use the table {@link BenchTable} creates, or create their own in {@link #prepare}.
 */
public interface Workload {
    /** The name printed in the report, e.g. "PutItem 1 KB". */
    String name();

    /** The DynamoDB operation the workload sends (the X-Amz-Target suffix), e.g. "PutItem". */
    String operation();

    /** The name --workloads selects it by; the operation unless several workloads send the same one. */
    default String id() {
        return operation();
    }

    /** The table the requests name: the canned server picks its answer by operation and table. */
    default String table() {
        return BenchTable.NAME;
    }

    /** False for a server (ours, dynalite, canned) that lacks the operation: reported as n/a, not run. */
    default boolean supportedBy(String server) {
        return true;
    }

    /** A valid response body for {@link #operation()}, the canned server's fixed answer to it. */
    String cannedResponse();

    /** Brings the table into the state the workload needs (e.g. items to read); not measured. */
    default void prepare(DynamoDbClient client) {
    }

    /**
     * Sends one request; throws when the answer is not what the workload expects, so a server that answers
     * wrongly counts errors instead of looking fast. {@code thread} and {@code iteration} pick the item.
     */
    void run(DynamoDbClient client, int thread, long iteration);
}
