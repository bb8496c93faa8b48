package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts ACTIVE tables straight into an emulator's storage, for item tests written before CreateTable
 * existed on this branch. Once CreateTable is merged, tests should create their tables through the SDK.
 */
final class TestTables {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final String name;
    private KeySchema keySchema;
    private List<IndexDefinition> globalIndexes = List.of();
    private List<IndexDefinition> localIndexes = List.of();

    private TestTables(String name) {
        this.name = name;
    }

    static TestTables table(String name) {
        return new TestTables(name);
    }

    /** Partition key only. */
    TestTables key(String hash, String hashType) {
        attributes.put(hash, hashType);
        keySchema = new KeySchema(new KeyElement(hash, "HASH", hashType), null);
        return this;
    }

    /** Partition and sort key. */
    TestTables key(String hash, String hashType, String range, String rangeType) {
        attributes.put(hash, hashType);
        attributes.put(range, rangeType);
        keySchema = new KeySchema(new KeyElement(hash, "HASH", hashType), new KeyElement(range, "RANGE", rangeType));
        return this;
    }

    /** A GSI on {@code hash} with the given projection (ALL, KEYS_ONLY, or INCLUDE of {@code included}). */
    TestTables globalIndex(String indexName, String hash, String hashType, String projection, String... included) {
        attributes.put(hash, hashType);
        globalIndexes = List.of(new IndexDefinition(indexName, true, new KeySchema(new KeyElement(hash, "HASH", hashType), null),
                projection, List.of(included), "ACTIVE", Throughput.ON_DEMAND, null));
        return this;
    }

    /** An LSI sorting the table's partition on {@code range}, projecting everything. */
    TestTables localIndex(String indexName, String range, String rangeType) {
        attributes.put(range, rangeType);
        localIndexes = List.of(new IndexDefinition(indexName, false, new KeySchema(keySchema.hash(), new KeyElement(range, "RANGE", rangeType)),
                "ALL", List.of(), "ACTIVE", null, null));
        return this;
    }

    /** Adds the table, ACTIVE, to the database of {@code accessKey} + {@code region}; returns it. */
    Table createIn(Emulator emulator, String accessKey, String region) {
        Database database = emulator.databases().forRequest(accessKey, region);
        TableDefinition definition = new TableDefinition(name, database.tableArn(name), UUID.randomUUID().toString(),
                System.currentTimeMillis(), "ACTIVE", keySchema, attributes, "PAY_PER_REQUEST", 0, Throughput.ON_DEMAND,
                globalIndexes, localIndexes, false, null, null, "STANDARD", false);
        Table table = new Table(definition);
        database.addIfAbsent(table);
        return table;
    }
}
