package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.storage.Table;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.UUID;

/**
 * Item tests' tables (as dynalite's test helpers have them): a string partition key table, a table with
 * string partition and sort keys plus an LSI and a GSI, one with a binary sort key and one with a number
 * partition key.
 */
abstract class ItemTestBase extends EmulatorTestBase {
    static final String HASH_TABLE = "items-hash";
    static final String RANGE_TABLE = "items-range";
    static final String BINARY_RANGE_TABLE = "items-range-b";
    static final String NUMBER_TABLE = "items-number";

    static Table hashTable;
    static Table rangeTable;

    @BeforeAll
    static void createTables() {
        hashTable = TestTables.table(HASH_TABLE).key("a", "S").createIn(emulator, "AKIDTEST", "us-east-1");
        rangeTable = TestTables.table(RANGE_TABLE).key("a", "S", "b", "S")
                .localIndex("index1", "c", "S")
                .globalIndex("index2", "d", "S", "ALL")
                .createIn(emulator, "AKIDTEST", "us-east-1");
        TestTables.table(BINARY_RANGE_TABLE).key("a", "S", "b", "B").createIn(emulator, "AKIDTEST", "us-east-1");
        TestTables.table(NUMBER_TABLE).key("a", "N").createIn(emulator, "AKIDTEST", "us-east-1");
    }

    static String randomString() {
        return UUID.randomUUID().toString();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue b(byte... bytes) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    }

    /** A hash-table key with a fresh value. */
    static Map<String, AttributeValue> freshKey() {
        return Map.of("a", s(randomString()));
    }
}
