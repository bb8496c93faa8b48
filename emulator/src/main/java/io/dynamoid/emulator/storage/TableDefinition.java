package io.dynamoid.emulator.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything DescribeTable tells about a table except its live counts. Immutable: UpdateTable (and
 * TagResource, UpdateTimeToLive) build a new definition and swap it in atomically, so readers always see a
 * consistent one.
 *
 * @param attributeDefinitions      attribute name → S, N or B, in the order they were declared
 * @param billingMode               PROVISIONED or PAY_PER_REQUEST
 * @param billingModeUpdatedAtMillis when PAY_PER_REQUEST was last set, or 0 if it never was
 * @param streamViewType            null when streams are off
 * @param streamLabel               label of the latest stream (kept after streams are turned off), or null
 * @param tableClass                STANDARD or STANDARD_INFREQUENT_ACCESS, or null when never given
 * @param tags                      tag key → value, in the order they were first set
 * @param ttlAttribute              the TTL attribute while TTL is enabled, else null
 * @param sseKmsKeyArn              the KMS key encrypting the table when SSE with KMS is on, else null (the
 *                                  default AWS owned key, which DynamoDB does not describe)
 * @param onDemandMaxRead           on-demand maximum read request units, -1 for none
 * @param onDemandMaxWrite          on-demand maximum write request units, -1 for none
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
        boolean deletionProtection,
        Map<String, String> tags,
        String ttlAttribute,
        String sseKmsKeyArn,
        long onDemandMaxRead,
        long onDemandMaxWrite) {

    public static final String PROVISIONED = "PROVISIONED";
    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    /** How OnDemandThroughput says "no maximum". */
    public static final long NO_MAXIMUM = -1;

    public TableDefinition {
        attributeDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** A definition without tags and TTL (the shape before tags and TTL existed). */
    public TableDefinition(String name, String arn, String id, long createdAtMillis, String status, KeySchema keySchema,
                           Map<String, String> attributeDefinitions, String billingMode, long billingModeUpdatedAtMillis,
                           Throughput throughput, List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes,
                           boolean streamEnabled, String streamViewType, String streamLabel, String tableClass,
                           boolean deletionProtection) {
        this(name, arn, id, createdAtMillis, status, keySchema, attributeDefinitions, billingMode,
                billingModeUpdatedAtMillis, throughput, globalIndexes, localIndexes, streamEnabled, streamViewType,
                streamLabel, tableClass, deletionProtection, Map.of(), null, null, NO_MAXIMUM, NO_MAXIMUM);
    }

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

    public boolean payPerRequest() {
        return PAY_PER_REQUEST.equals(billingMode);
    }

    public TableDefinition withStatus(String newStatus) {
        return toBuilder().status(newStatus).build();
    }

    public TableDefinition withTags(Map<String, String> newTags) {
        return toBuilder().tags(newTags).build();
    }

    public TableDefinition withTtlAttribute(String newTtlAttribute) {
        return toBuilder().ttlAttribute(newTtlAttribute).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a definition with some parts changed (UpdateTable changes several at once). */
    public static final class Builder {
        private final TableDefinition from;
        private String status;
        private Map<String, String> attributeDefinitions;
        private String billingMode;
        private long billingModeUpdatedAtMillis;
        private Throughput throughput;
        private List<IndexDefinition> globalIndexes;
        private boolean streamEnabled;
        private String streamViewType;
        private String streamLabel;
        private String tableClass;
        private boolean deletionProtection;
        private Map<String, String> tags;
        private String ttlAttribute;
        private String sseKmsKeyArn;
        private long onDemandMaxRead;
        private long onDemandMaxWrite;

        private Builder(TableDefinition from) {
            this.from = from;
            status = from.status;
            attributeDefinitions = from.attributeDefinitions;
            billingMode = from.billingMode;
            billingModeUpdatedAtMillis = from.billingModeUpdatedAtMillis;
            throughput = from.throughput;
            globalIndexes = from.globalIndexes;
            streamEnabled = from.streamEnabled;
            streamViewType = from.streamViewType;
            streamLabel = from.streamLabel;
            tableClass = from.tableClass;
            deletionProtection = from.deletionProtection;
            tags = from.tags;
            ttlAttribute = from.ttlAttribute;
            sseKmsKeyArn = from.sseKmsKeyArn;
            onDemandMaxRead = from.onDemandMaxRead;
            onDemandMaxWrite = from.onDemandMaxWrite;
        }

        public Builder status(String value) {
            status = value;
            return this;
        }

        public Builder attributeDefinitions(Map<String, String> value) {
            attributeDefinitions = value;
            return this;
        }

        public Builder billingMode(String mode, long updatedAtMillis) {
            billingMode = mode;
            billingModeUpdatedAtMillis = updatedAtMillis;
            return this;
        }

        public Builder throughput(Throughput value) {
            throughput = value;
            return this;
        }

        public Builder globalIndexes(List<IndexDefinition> value) {
            globalIndexes = value;
            return this;
        }

        public Builder stream(boolean enabled, String viewType, String label) {
            streamEnabled = enabled;
            streamViewType = viewType;
            streamLabel = label;
            return this;
        }

        public Builder tableClass(String value) {
            tableClass = value;
            return this;
        }

        public Builder deletionProtection(boolean value) {
            deletionProtection = value;
            return this;
        }

        public Builder tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        public Builder ttlAttribute(String value) {
            ttlAttribute = value;
            return this;
        }

        public Builder sseKmsKeyArn(String value) {
            sseKmsKeyArn = value;
            return this;
        }

        public Builder onDemandMaximum(long read, long write) {
            onDemandMaxRead = read;
            onDemandMaxWrite = write;
            return this;
        }

        public TableDefinition build() {
            return new TableDefinition(from.name, from.arn, from.id, from.createdAtMillis, status, from.keySchema,
                    attributeDefinitions, billingMode, billingModeUpdatedAtMillis, throughput, globalIndexes,
                    from.localIndexes, streamEnabled, streamViewType, streamLabel, tableClass, deletionProtection,
                    tags, ttlAttribute, sseKmsKeyArn, onDemandMaxRead, onDemandMaxWrite);
        }
    }
}
