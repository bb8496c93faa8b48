package io.dynamoid.junit;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Map;

/** Plain SDK helpers for fixtures: a table keyed by "id" and items in it. */
public final class Tables {
    private Tables() {
    }

    public static void create(DynamoDbClient client, String table) {
        client.createTable(b -> b.tableName(table)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST"));
    }

    public static void put(DynamoDbClient client, String table, String id, String value) {
        client.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "value", AttributeValue.fromS(value))));
    }

    /** The "value" of the item, or null when there is none. */
    public static String get(DynamoDbClient client, String table, String id) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item.get("value").s();
    }

    public static List<String> names(DynamoDbClient client) {
        return client.listTables().tableNames();
    }
}
