package io.dynamoid.emulator.storage;

import java.util.List;

/**
 * A secondary index as declared: name, key schema, projection (ALL, KEYS_ONLY or INCLUDE with its
 * non-key attributes), whether it is global, and for a GSI its status and provisioned throughput.
 */
public record IndexDefinition(
        String name,
        boolean global,
        KeySchema keySchema,
        String projectionType,
        List<String> nonKeyAttributes,
        String status,
        Throughput throughput,
        String arn) {

    public IndexDefinition withStatus(String newStatus) {
        return new IndexDefinition(name, global, keySchema, projectionType, nonKeyAttributes, newStatus, throughput, arn);
    }

    public IndexDefinition withThroughput(Throughput newThroughput) {
        return new IndexDefinition(name, global, keySchema, projectionType, nonKeyAttributes, status, newThroughput, arn);
    }
}
