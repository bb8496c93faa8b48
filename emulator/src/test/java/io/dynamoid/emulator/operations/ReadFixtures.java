package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds tables and items straight in the emulator's storage, for read tests that need thousands of
 * items or index layouts quickly; what they assert is still read back through the SDK.
 */
final class ReadFixtures {
    private ReadFixtures() {
    }

    static KeySchema key(String hash, String hashType, String range, String rangeType) {
        return new KeySchema(new KeyElement(hash, "HASH", hashType),
                range == null ? null : new KeyElement(range, "RANGE", rangeType));
    }

    static IndexDefinition gsi(String name, KeySchema key, String projection, String... nonKeyAttributes) {
        return new IndexDefinition(name, true, key, projection,
                nonKeyAttributes.length == 0 ? null : List.of(nonKeyAttributes), "ACTIVE", Throughput.of(5, 5),
                null);
    }

    static IndexDefinition lsi(String name, KeySchema key, String projection, String... nonKeyAttributes) {
        return new IndexDefinition(name, false, key, projection,
                nonKeyAttributes.length == 0 ? null : List.of(nonKeyAttributes), null, null, null);
    }

    static Table createTable(Emulator emulator, String name, KeySchema key, List<IndexDefinition> globalIndexes,
                             List<IndexDefinition> localIndexes) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<KeySchema> schemas = new ArrayList<>(List.of(key));
        globalIndexes.forEach(i -> schemas.add(i.keySchema()));
        localIndexes.forEach(i -> schemas.add(i.keySchema()));
        for (KeySchema schema : schemas) {
            for (KeyElement element : schema.elements()) attributes.put(element.name(), element.attributeType());
        }
        TableDefinition definition = new TableDefinition(name, "arn:aws:dynamodb:us-east-1:000000000000:table/" + name,
                "id-" + name, System.currentTimeMillis(), "ACTIVE", key, attributes, "PROVISIONED", 0,
                Throughput.of(5, 5), globalIndexes, localIndexes, false, null, null, "STANDARD", false);
        Table table = new Table(definition);
        emulator.databases().forRequest("AKIDTEST", "us-east-1").addIfAbsent(table);
        return table;
    }

    static void put(Table table, Map<String, AttrValue> attributes) {
        ItemKey key = table.keyOf(attributes);
        table.locked(key, () -> table.commit(key, Item.of(attributes)));
    }

    static void delete(Table table, Map<String, AttrValue> key) {
        ItemKey itemKey = table.keyOf(key);
        table.locked(itemKey, () -> table.commit(itemKey, null));
    }

    /** An item from alternating names and values: item("pk", s("a"), "n", n(1)). */
    static Map<String, AttrValue> item(Object... namesAndValues) {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) item.put((String) namesAndValues[i], (AttrValue) namesAndValues[i + 1]);
        return item;
    }

    static AttrValue s(String value) {
        return new AttrValue.S(value);
    }

    static AttrValue n(long value) {
        return AttrValue.N.of(value);
    }
}
