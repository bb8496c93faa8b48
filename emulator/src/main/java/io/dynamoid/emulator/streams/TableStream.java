package io.dynamoid.emulator.streams;

import io.dynamoid.emulator.storage.KeySchema;

/**
 * One stream of one table: created when the table's stream is enabled (CreateTable or UpdateTable),
 * DISABLED when it is turned off or the table is deleted, and forgotten 24 hours later, as DynamoDB keeps
 * disabled streams readable for a day. A table re-enabling its stream gets a new stream (a new label).
 */
public final class TableStream {
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";

    private final String arn;
    private final String tableName;
    private final String tableId;
    private final String label;
    private final String viewType;
    private final KeySchema keySchema;
    private final long createdMillis;
    private final Shard shard;
    private volatile long disabledAtMillis = -1;

    TableStream(String arn, String tableName, String tableId, String label, String viewType, KeySchema keySchema,
                long createdMillis, Shard shard) {
        this.arn = arn;
        this.tableName = tableName;
        this.tableId = tableId;
        this.label = label;
        this.viewType = viewType;
        this.keySchema = keySchema;
        this.createdMillis = createdMillis;
        this.shard = shard;
    }

    public String arn() {
        return arn;
    }

    public String tableName() {
        return tableName;
    }

    String tableId() {
        return tableId;
    }

    public String label() {
        return label;
    }

    public String viewType() {
        return viewType;
    }

    public KeySchema keySchema() {
        return keySchema;
    }

    public long createdMillis() {
        return createdMillis;
    }

    /** The stream's only shard: this emulator never splits shards. */
    public Shard shard() {
        return shard;
    }

    public String status() {
        return disabledAtMillis < 0 ? ENABLED : DISABLED;
    }

    long disabledAtMillis() {
        return disabledAtMillis;
    }

    /** Stops the stream: its shard closes after its last record. */
    synchronized void disable(long nowMillis) {
        if (disabledAtMillis >= 0) return;
        shard.close();
        disabledAtMillis = nowMillis;
    }
}
