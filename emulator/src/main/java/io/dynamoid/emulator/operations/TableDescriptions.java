package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.IndexStore;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes DynamoDB's TableDescription (CreateTable, DescribeTable, UpdateTable, DeleteTable) from a table's
 * definition and its live counts. What is shown follows the definition's status as DynamoDB shows it:
 * CREATING hides LastUpdateToPayPerRequestDateTime (set once the table is active), DELETING omits the
 * global secondary indexes.
 */
public final class TableDescriptions {
    public static final String ACTIVE = "ACTIVE";
    public static final String CREATING = "CREATING";
    public static final String UPDATING = "UPDATING";
    public static final String DELETING = "DELETING";

    /** Stream labels are the stream's creation time, as DynamoDB prints it (UTC, milliseconds). */
    private static final DateTimeFormatter STREAM_LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TableDescriptions() {
    }

    public static String streamLabel(long epochMillis) {
        return STREAM_LABEL.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Writes {@code "<field>": {TableDescription}} for {@code definition} (possibly a display copy) of {@code table}. */
    public static Response response(String field, TableDefinition definition, Table table) {
        return g -> {
            g.writeStartObject();
            g.writeFieldName(field);
            write(g, definition, table);
            g.writeEndObject();
        };
    }

    public static void write(JsonGenerator g, TableDefinition d, Table table) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("AttributeDefinitions");
        for (Map.Entry<String, String> a : d.attributeDefinitions().entrySet()) {
            g.writeStartObject();
            g.writeStringField("AttributeName", a.getKey());
            g.writeStringField("AttributeType", a.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("TableName", d.name());
        writeKeySchema(g, d.keySchema());
        g.writeStringField("TableStatus", d.status());
        g.writeFieldName("CreationDateTime");
        writeTime(g, d.createdAtMillis());
        g.writeFieldName("ProvisionedThroughput");
        writeThroughput(g, d.throughput());
        g.writeNumberField("TableSizeBytes", table.sizeBytes());
        g.writeNumberField("ItemCount", table.itemCount());
        g.writeStringField("TableArn", d.arn());
        g.writeStringField("TableId", d.id());
        if (d.payPerRequest() || d.billingModeUpdatedAtMillis() != 0) {
            g.writeObjectFieldStart("BillingModeSummary");
            g.writeStringField("BillingMode", d.billingMode());
            if (d.billingModeUpdatedAtMillis() != 0 && !CREATING.equals(d.status())) {
                g.writeFieldName("LastUpdateToPayPerRequestDateTime");
                writeTime(g, d.billingModeUpdatedAtMillis());
            }
            g.writeEndObject();
        }
        if (!d.localIndexes().isEmpty()) {
            g.writeArrayFieldStart("LocalSecondaryIndexes");
            for (IndexDefinition index : d.localIndexes()) writeIndex(g, d, index, table);
            g.writeEndArray();
        }
        if (!d.globalIndexes().isEmpty() && !DELETING.equals(d.status())) {
            g.writeArrayFieldStart("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.globalIndexes()) writeIndex(g, d, index, table);
            g.writeEndArray();
        }
        if (d.streamEnabled()) {
            g.writeObjectFieldStart("StreamSpecification");
            g.writeBooleanField("StreamEnabled", true);
            g.writeStringField("StreamViewType", d.streamViewType());
            g.writeEndObject();
        }
        if (d.streamLabel() != null) {
            g.writeStringField("LatestStreamLabel", d.streamLabel());
            g.writeStringField("LatestStreamArn", d.arn() + "/stream/" + d.streamLabel());
        }
        if (d.onDemandMaxRead() != TableDefinition.NO_MAXIMUM || d.onDemandMaxWrite() != TableDefinition.NO_MAXIMUM) {
            g.writeObjectFieldStart("OnDemandThroughput");
            g.writeNumberField("MaxReadRequestUnits", d.onDemandMaxRead());
            g.writeNumberField("MaxWriteRequestUnits", d.onDemandMaxWrite());
            g.writeEndObject();
        }
        if (d.sseKmsKeyArn() != null) {
            g.writeObjectFieldStart("SSEDescription");
            g.writeStringField("Status", "ENABLED");
            g.writeStringField("SSEType", "KMS");
            g.writeStringField("KMSMasterKeyArn", d.sseKmsKeyArn());
            g.writeEndObject();
        }
        if (d.tableClass() != null) {
            g.writeObjectFieldStart("TableClassSummary");
            g.writeStringField("TableClass", d.tableClass());
            g.writeEndObject();
        }
        g.writeBooleanField("DeletionProtectionEnabled", d.deletionProtection());
        g.writeEndObject();
    }

    private static void writeIndex(JsonGenerator g, TableDefinition d, IndexDefinition index, Table table) throws IOException {
        IndexStore counts = table.indexes().find(index.name());
        g.writeStartObject();
        g.writeStringField("IndexName", index.name());
        writeKeySchema(g, index.keySchema());
        g.writeObjectFieldStart("Projection");
        g.writeStringField("ProjectionType", index.projectionType());
        if (index.nonKeyAttributes() != null && !index.nonKeyAttributes().isEmpty()) {
            g.writeArrayFieldStart("NonKeyAttributes");
            for (String name : index.nonKeyAttributes()) g.writeString(name);
            g.writeEndArray();
        }
        g.writeEndObject();
        if (index.global()) {
            g.writeStringField("IndexStatus", index.status());
            g.writeFieldName("ProvisionedThroughput");
            writeThroughput(g, index.throughput());
        }
        g.writeNumberField("IndexSizeBytes", counts == null ? 0 : counts.sizeBytes());
        g.writeNumberField("ItemCount", counts == null ? 0 : counts.itemCount());
        g.writeStringField("IndexArn", index.arn());
        g.writeEndObject();
    }

    private static void writeKeySchema(JsonGenerator g, KeySchema schema) throws IOException {
        g.writeArrayFieldStart("KeySchema");
        for (KeyElement e : schema.elements()) {
            g.writeStartObject();
            g.writeStringField("AttributeName", e.name());
            g.writeStringField("KeyType", e.keyType());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeThroughput(JsonGenerator g, Throughput t) throws IOException {
        Throughput shown = t == null ? Throughput.ON_DEMAND : t;
        g.writeStartObject();
        if (shown.lastIncrease() != 0) {
            g.writeFieldName("LastIncreaseDateTime");
            writeTime(g, shown.lastIncrease());
        }
        if (shown.lastDecrease() != 0) {
            g.writeFieldName("LastDecreaseDateTime");
            writeTime(g, shown.lastDecrease());
        }
        g.writeNumberField("NumberOfDecreasesToday", decreasesToday(shown, System.currentTimeMillis()));
        g.writeNumberField("ReadCapacityUnits", shown.readCapacityUnits());
        g.writeNumberField("WriteCapacityUnits", shown.writeCapacityUnits());
        g.writeEndObject();
    }

    /** Decreases count per UTC day: a count from an earlier day no longer applies. */
    static long decreasesToday(Throughput t, long nowMillis) {
        long day = 24L * 60 * 60 * 1000;
        return t.lastDecrease() / day == nowMillis / day ? t.decreasesToday() : 0;
    }

    /** DynamoDB's timestamps: epoch seconds with a fraction, as a JSON number. */
    static void writeTime(JsonGenerator g, long epochMillis) throws IOException {
        g.writeNumber(BigDecimal.valueOf(epochMillis, 3));
    }
}
