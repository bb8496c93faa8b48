package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dynamoid.emulator.storage.IndexDefinition;

import java.io.IOException;

/**
 * The read capacity a Query or Scan consumed: the items it evaluated, summed and rounded up to 4 KB once
 * per part (table, index), a unit per 4 KB when strongly consistent and half that otherwise. The part that
 * was read costs at least one 4 KB unit even when it held nothing. With INDEXES the table's and the
 * index's share are reported separately.
 */
record ReadCapacity(String tableName, IndexDefinition index, double tableUnits, double indexUnits) {

    static ReadCapacity of(String tableName, IndexDefinition index, ReadPage page, boolean consistent) {
        double perUnit = consistent ? 1 : 0.5;
        long tableChunks = chunks(page.tableBytes());
        long indexChunks = chunks(page.indexBytes());
        if (index == null) tableChunks = Math.max(1, tableChunks);
        else indexChunks = Math.max(1, indexChunks);
        return new ReadCapacity(tableName, index, tableChunks * perUnit, indexChunks * perUnit);
    }

    private static long chunks(long bytes) {
        return (bytes + 4095) / 4096;
    }

    /** Writes the ConsumedCapacity member when {@code mode} (ReturnConsumedCapacity) asks for it. */
    void write(JsonGenerator g, String mode) throws IOException {
        if (!"TOTAL".equals(mode) && !"INDEXES".equals(mode)) return;
        g.writeObjectFieldStart("ConsumedCapacity");
        g.writeStringField("TableName", tableName);
        g.writeNumberField("CapacityUnits", tableUnits + indexUnits);
        if ("INDEXES".equals(mode)) {
            g.writeObjectFieldStart("Table");
            g.writeNumberField("CapacityUnits", tableUnits);
            g.writeEndObject();
            if (index != null) {
                g.writeObjectFieldStart(index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
                g.writeObjectFieldStart(index.name());
                g.writeNumberField("CapacityUnits", indexUnits);
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }
}
