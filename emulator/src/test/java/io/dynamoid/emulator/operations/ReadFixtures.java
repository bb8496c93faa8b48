package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.Throughput;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-test tables: created through CreateTable, then loaded in bulk straight through {@link Table#commit}
 * (the write point PutItem uses) when a test needs thousands of items; what tests assert is read back
 * through the SDK.
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

    /** Creates the table through CreateTable (on demand) and returns its storage, for bulk loading. */
    static Table createTable(DynamoDbClient client, Emulator emulator, String name, KeySchema key, List<IndexDefinition> globalIndexes,
                             List<IndexDefinition> localIndexes) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<KeySchema> schemas = new ArrayList<>(List.of(key));
        globalIndexes.forEach(i -> schemas.add(i.keySchema()));
        localIndexes.forEach(i -> schemas.add(i.keySchema()));
        for (KeySchema schema : schemas) {
            for (KeyElement element : schema.elements()) attributes.put(element.name(), element.attributeType());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(key))
                .attributeDefinitions(attributes.entrySet().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
                        .toList());
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes.stream().map(i -> GlobalSecondaryIndex.builder()
                    .indexName(i.name()).keySchema(keySchema(i.keySchema())).projection(projection(i)).build()).toList());
        }
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes.stream().map(i -> LocalSecondaryIndex.builder()
                    .indexName(i.name()).keySchema(keySchema(i.keySchema())).projection(projection(i)).build()).toList());
        }
        client.createTable(request.build());
        return emulator.databases().forRequest("AKIDTEST", "us-east-1").table(name);
    }

    private static List<KeySchemaElement> keySchema(KeySchema key) {
        return key.elements().stream().map(e -> KeySchemaElement.builder().attributeName(e.name())
                .keyType(e.keyType()).build()).toList();
    }

    private static Projection projection(IndexDefinition index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (index.nonKeyAttributes() != null && !index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
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
