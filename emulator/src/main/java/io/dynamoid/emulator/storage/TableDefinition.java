package io.dynamoid.emulator.storage;

import java.util.List;
import java.util.Map;

/**
 * Everything DescribeTable tells about a table except its live counts. Immutable: UpdateTable builds a new
 * definition and swaps it in atomically, so readers always see a consistent one.
 *
 * @param attributeDefinitions attribute name → S, N or B, in the order they were declared
 * @param billingMode          PROVISIONED or PAY_PER_REQUEST
 * @param streamViewType       null when streams are off
 * @param streamLabel          label of the latest stream (kept after streams are turned off), or null
 */
public record TableDefinition(
        String name,
        String arn,
        String id,
        long createdAtMillis,
        String status,
        KeySchema keySchema,
        Map<String, String> attributeDefinitions,
        String billingMode,
        long billingModeUpdatedAtMillis,
        Throughput throughput,
        List<IndexDefinition> globalIndexes,
        List<IndexDefinition> localIndexes,
        boolean streamEnabled,
        String streamViewType,
        String streamLabel,
        String tableClass,
        boolean deletionProtection) {

    public IndexDefinition index(String indexName) {
        for (IndexDefinition i : globalIndexes) if (i.name().equals(indexName)) return i;
        for (IndexDefinition i : localIndexes) if (i.name().equals(indexName)) return i;
        return null;
    }

    public String hashKeyName() {
        return keySchema.hash().name();
    }

    public String rangeKeyName() {
        return keySchema.range() == null ? null : keySchema.range().name();
    }

    public TableDefinition withStatus(String newStatus) {
        return new TableDefinition(name, arn, id, createdAtMillis, newStatus, keySchema, attributeDefinitions,
                billingMode, billingModeUpdatedAtMillis, throughput, globalIndexes, localIndexes, streamEnabled,
                streamViewType, streamLabel, tableClass, deletionProtection);
    }
}
