package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.dynamoid.emulator.operations.ReadFixtures.gsi;
import static io.dynamoid.emulator.operations.ReadFixtures.item;
import static io.dynamoid.emulator.operations.ReadFixtures.key;
import static io.dynamoid.emulator.operations.ReadFixtures.lsi;
import static io.dynamoid.emulator.operations.ReadFixtures.n;
import static io.dynamoid.emulator.operations.ReadFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexTest extends EmulatorTestBase {
    private static final int BIG = 2000;
    private static String name;

    /**
     * Table (pk S, sk N) with: byColor GSI (color S, size N) ALL; byOwner GSI (owner S) KEYS_ONLY;
     * byTag GSI (tag S) INCLUDE note; bySize LSI (pk, size N) KEYS_ONLY.
     */
    @BeforeAll
    static void createTable() {
        name = uniqueTableName("index");
        Table table = ReadFixtures.createTable(client, emulator, name, key("pk", "S", "sk", "N"),
                List.of(gsi("byColor", key("color", "S", "size", "N"), "ALL"),
                        gsi("byOwner", key("owner", "S", null, null), "KEYS_ONLY"),
                        gsi("byTag", key("tag", "S", null, null), "INCLUDE", "note")),
                List.of(lsi("bySize", key("pk", "S", "size", "N"), "KEYS_ONLY")));
        for (int i = 0; i < BIG; i++) {
            // Every item has a color; sizes repeat, so index keys are not unique. Only every 4th has an owner.
            var attributes = item("pk", s("p" + (i % 20)), "sk", n(i), "color", s(i % 2 == 0 ? "red" : "blue"),
                    "size", n(i % 50), "note", s("note" + i), "extra", s("x" + i));
            if (i % 4 == 0) attributes.put("owner", s("owner" + (i % 8)));
            if (i % 10 == 0) attributes.put("tag", s("t"));
            ReadFixtures.put(table, attributes);
        }
    }

    private static Condition eq(AttributeValue value) {
        return Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(value).build();
    }

    private static QueryResponse query(String index, Map<String, Condition> conditions, UnaryOperator<QueryRequest.Builder> more) {
        return client.query(more.apply(QueryRequest.builder().tableName(name).indexName(index).keyConditions(conditions)).build());
    }

    @Test
    void globalIndexQueryReturnsMatchingItemsInIndexSortOrder() {
        QueryResponse response = query("byColor", Map.of("color", eq(AttributeValue.fromS("red")),
                "size", Condition.builder().comparisonOperator(ComparisonOperator.LT).attributeValueList(AttributeValue.fromN("3")).build()), b -> b);
        // red items are the even i; sizes 0 and 2 (i % 50) below 3: 2 * (2000 / 50) = 80 items
        assertEquals(80, response.count());
        int previous = -1;
        for (Map<String, AttributeValue> item : response.items()) {
            int size = Integer.parseInt(item.get("size").n());
            assertTrue(size >= previous);
            previous = size;
            assertEquals("red", item.get("color").s());
            assertTrue(item.containsKey("extra"), "ALL projection keeps every attribute");
        }
    }

    @Test
    void pagingAnIndexWithRepeatedKeysVisitsEveryEntryOnceBothWays() {
        for (boolean forward : new boolean[]{true, false}) {
            List<String> seen = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse response = query("byColor", Map.of("color", eq(AttributeValue.fromS("blue"))),
                        b -> b.limit(33).scanIndexForward(forward).exclusiveStartKey(from));
                response.items().forEach(i -> seen.add(i.get("pk").s() + "/" + i.get("sk").n()));
                start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
            } while (start != null);
            assertEquals(BIG / 2, seen.size());
            assertEquals(BIG / 2, new HashSet<>(seen).size());
        }
    }

    @Test
    void pagingAnIndexWithAFilterVisitsEveryMatchOnceBothWays() {
        Set<String> expected = new HashSet<>();
        for (int i = 1; i < BIG; i += 2) if (("note" + i).startsWith("note1")) expected.add("p" + (i % 20) + "/" + i);
        for (boolean forward : new boolean[]{true, false}) {
            List<String> seen = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse response = client.query(b -> b.tableName(name).indexName("byColor")
                        .keyConditionExpression("color = :c").filterExpression("begins_with(note, :n)")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("blue"), ":n", AttributeValue.fromS("note1")))
                        .limit(40).scanIndexForward(forward).exclusiveStartKey(from));
                assertTrue(response.scannedCount() <= 40);
                response.items().forEach(i -> seen.add(i.get("pk").s() + "/" + i.get("sk").n()));
                start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
            } while (start != null);
            assertEquals(expected.size(), seen.size());
            assertEquals(expected, new HashSet<>(seen));
        }
    }

    @Test
    void lastEvaluatedKeyOnAnIndexHoldsTableAndIndexKeys() {
        QueryResponse response = query("byColor", Map.of("color", eq(AttributeValue.fromS("red"))), b -> b.limit(1));
        assertEquals(Set.of("pk", "sk", "color", "size"), response.lastEvaluatedKey().keySet());
    }

    @Test
    void keysOnlyIndexReturnsOnlyKeys() {
        QueryResponse response = query("byOwner", Map.of("owner", eq(AttributeValue.fromS("owner4"))), b -> b);
        assertEquals(BIG / 8, response.count());
        for (Map<String, AttributeValue> item : response.items()) assertEquals(Set.of("pk", "sk", "owner"), item.keySet());
    }

    @Test
    void includeIndexReturnsKeysAndIncludedAttributes() {
        QueryResponse response = query("byTag", Map.of("tag", eq(AttributeValue.fromS("t"))), b -> b);
        assertEquals(BIG / 10, response.count());
        for (Map<String, AttributeValue> item : response.items()) assertEquals(Set.of("pk", "sk", "tag", "note"), item.keySet());
    }

    @Test
    void sparseIndexHoldsOnlyItemsWithItsKey() {
        ScanResponse response = client.scan(b -> b.tableName(name).indexName("byOwner"));
        assertEquals(BIG / 4, response.count());
        long described = client.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("byOwner")).findFirst().orElseThrow().itemCount();
        assertEquals(BIG / 4, described);
    }

    @Test
    void parallelScanOfAnIndexCoversItExactlyOnce() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            int s = segment;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client.scan(b -> b.tableName(name).indexName("byColor").segment(s).totalSegments(3)
                        .limit(150).exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    seen.add(item.get("pk").s() + "/" + item.get("sk").n());
                    total++;
                }
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        assertEquals(BIG, total);
        assertEquals(BIG, seen.size());
    }

    @Test
    void localIndexQueryOrdersByTheIndexSortKey() {
        QueryResponse response = query("bySize", Map.of("pk", eq(AttributeValue.fromS("p3"))), b -> b);
        assertEquals(BIG / 20, response.count());
        int previous = -1;
        for (Map<String, AttributeValue> item : response.items()) {
            assertEquals(Set.of("pk", "sk", "size"), item.keySet());
            int size = Integer.parseInt(item.get("size").n());
            assertTrue(size >= previous);
            previous = size;
        }
    }

    @Test
    void localIndexAllAttributesReadsTheTableItem() {
        QueryResponse response = query("bySize", Map.of("pk", eq(AttributeValue.fromS("p3"))),
                b -> b.select(Select.ALL_ATTRIBUTES).limit(1).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertTrue(response.items().get(0).containsKey("extra"));
        assertEquals(0.5, response.consumedCapacity().table().capacityUnits());
        assertEquals(0.5, response.consumedCapacity().localSecondaryIndexes().get("bySize").capacityUnits());
        assertEquals(1.0, response.consumedCapacity().capacityUnits());
    }

    @Test
    void localIndexAttributesToGetOutsideTheProjectionReadsTheTable() {
        QueryResponse response = query("bySize", Map.of("pk", eq(AttributeValue.fromS("p3"))),
                b -> b.attributesToGet("extra").limit(2));
        assertEquals(2, response.count());
        for (Map<String, AttributeValue> item : response.items()) assertEquals(Set.of("extra"), item.keySet());
    }

    @Test
    void globalIndexQueryConsumesIndexCapacity() {
        // 10 keys-only entries of ~20 bytes: one 4 KB unit, halved (eventually consistent)
        QueryResponse response = query("byOwner", Map.of("owner", eq(AttributeValue.fromS("owner0"))),
                b -> b.limit(10).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(0.0, response.consumedCapacity().table().capacityUnits());
        assertEquals(0.5, response.consumedCapacity().globalSecondaryIndexes().get("byOwner").capacityUnits());
    }

    private static void putItem(String tableName, Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName(tableName).item(item));
    }

    private static Map<String, AttributeValue> sdkItem(String... namesAndStrings) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndStrings.length; i += 2) item.put(namesAndStrings[i], AttributeValue.fromS(namesAndStrings[i + 1]));
        return item;
    }

    private static String tableWithColorIndex(String prefix, String projection) {
        String tableName = uniqueTableName(prefix);
        ReadFixtures.createTable(client, emulator, tableName, key("id", "S", null, null),
                List.of(gsi("byColor", key("color", "S", null, null), projection)), List.of());
        return tableName;
    }

    private static software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription describeIndex(String tableName) {
        return client.describeTable(b -> b.tableName(tableName)).table().globalSecondaryIndexes().get(0);
    }

    @Test
    void indexFollowsPutsOverwritesAndDeletes() {
        String tableName = tableWithColorIndex("index-maint", "ALL");
        putItem(tableName, sdkItem("id", "1", "color", "red"));
        putItem(tableName, sdkItem("id", "2", "color", "red"));
        assertEquals(2, countColor(tableName, "red"));
        putItem(tableName, sdkItem("id", "1", "color", "green"));
        assertEquals(1, countColor(tableName, "red"));
        assertEquals(1, countColor(tableName, "green"));
        putItem(tableName, sdkItem("id", "2"));
        assertEquals(0, countColor(tableName, "red"));
        client.deleteItem(b -> b.tableName(tableName).key(sdkItem("id", "1")));
        assertEquals(0, countColor(tableName, "green"));
        assertEquals(0L, describeIndex(tableName).itemCount());
        assertEquals(0L, describeIndex(tableName).indexSizeBytes());
    }

    private static int countColor(String tableName, String color) {
        return client.query(b -> b.tableName(tableName).indexName("byColor")
                .keyConditions(Map.of("color", eq(AttributeValue.fromS(color))))).count();
    }

    @Test
    void batchWriteItemMaintainsIndexes() {
        String tableName = tableWithColorIndex("index-batch", "ALL");
        putItem(tableName, sdkItem("id", "gone", "color", "red"));
        client.batchWriteItem(b -> b.requestItems(Map.of(tableName, List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(p -> p.item(sdkItem("id", "a", "color", "red"))).build(),
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(p -> p.item(sdkItem("id", "b", "color", "red"))).build(),
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .deleteRequest(d -> d.key(sdkItem("id", "gone"))).build()))));
        assertEquals(2, countColor(tableName, "red"));
        assertEquals(2L, describeIndex(tableName).itemCount());
    }

    @Test
    void concurrentWritesKeepTheIndexExact() throws Exception {
        String tableName = tableWithColorIndex("index-concurrent", "KEYS_ONLY");
        String[] colors = {"red", "green", "blue", null};
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    String id = "i" + ((i * 7 + thread) % 40); // threads overwrite each other's items
                    String color = colors[(i + thread) % colors.length];
                    if (i % 11 == 0) client.deleteItem(b -> b.tableName(tableName).key(sdkItem("id", id)));
                    else putItem(tableName, color == null ? sdkItem("id", id) : sdkItem("id", id, "color", color));
                }
            }));
        }
        for (var writer : writers) writer.get();
        pool.shutdown();
        int colored = 0;
        for (Map<String, AttributeValue> item : client.scan(b -> b.tableName(tableName)).items()) {
            if (item.containsKey("color")) colored++;
        }
        int indexed = client.scan(b -> b.tableName(tableName).indexName("byColor")).count();
        assertEquals(colored, indexed);
        assertEquals((long) colored, describeIndex(tableName).itemCount());
    }

    @Test
    void transactWriteItemsMaintainsIndexes() {
        String tableName = tableWithColorIndex("index-transact", "ALL");
        putItem(tableName, sdkItem("id", "old", "color", "red"));
        client.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(tableName).item(sdkItem("id", "a", "color", "red"))),
                t -> t.delete(d -> d.tableName(tableName).key(sdkItem("id", "old")))));
        assertEquals(1, countColor(tableName, "red"));
        assertEquals(1L, describeIndex(tableName).itemCount());
    }

    @Test
    void describeTableReportsTheIndexCountAndProjectedSize() {
        String tableName = tableWithColorIndex("index-size", "KEYS_ONLY");
        putItem(tableName, sdkItem("id", "abc", "color", "red", "other", "0123456789"));
        putItem(tableName, sdkItem("id", "nocolor", "other", "x"));
        var index = describeIndex(tableName);
        assertEquals(1L, index.itemCount());
        // id(2) + abc(3) + color(5) + red(3): "other" is not projected
        assertEquals(13L, index.indexSizeBytes());
    }

    @Test
    void globalIndexCreatedByUpdateTableIsBackfilled() {
        String tableName = uniqueTableName("index-backfill");
        ReadFixtures.createTable(client, emulator, tableName, key("id", "S", null, null), List.of(), List.of());
        for (int i = 0; i < 100; i++) putItem(tableName, sdkItem("id", "i" + i, "color", i % 2 == 0 ? "red" : "blue"));
        client.updateTable(b -> b.tableName(tableName)
                .attributeDefinitions(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                        .attributeName("color").attributeType("S").build())
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byColor")
                        .keySchema(k -> k.attributeName("color").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL")))));
        putItem(tableName, sdkItem("id", "new", "color", "red"));
        assertEquals(51, countColor(tableName, "red"));
        assertEquals(101L, describeIndex(tableName).itemCount());
    }

    @Test
    void globalIndexDeletedByUpdateTableIsGone() {
        String tableName = tableWithColorIndex("index-drop", "ALL");
        putItem(tableName, sdkItem("id", "1", "color", "red"));
        client.updateTable(b -> b.tableName(tableName).globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byColor"))));
        assertDynamoError("ValidationException", "The table does not have the specified index: byColor",
                () -> countColor(tableName, "red"));
    }

    @Test
    void putItemRejectsAnIndexKeyOfTheWrongType() {
        String tableName = tableWithColorIndex("index-type", "ALL");
        // dynalite db/index.js validateItem (checked against DynamoDB)
        assertDynamoError("ValidationException",
                "One or more parameter values were invalid: Type mismatch for Index Key color Expected: S Actual: N IndexName: byColor",
                () -> client.putItem(b -> b.tableName(tableName).item(Map.of("id", AttributeValue.fromS("1"), "color", AttributeValue.fromN("1")))));
        assertEquals(0, client.scan(b -> b.tableName(tableName)).count(), "nothing written");
    }

    @Test
    void backfillingGlobalIndexCannotBeRead() {
        String tableName = uniqueTableName("index-creating");
        Table t = ReadFixtures.createTable(client, emulator, tableName, key("id", "S", null, null),
                List.of(gsi("byColor", key("color", "S", null, null), "ALL")), List.of());
        // this emulator backfills synchronously, so a CREATING index is staged here
        IndexDefinition creating = t.definition().globalIndexes().get(0).withStatus("CREATING");
        t.definition(t.definition().toBuilder().globalIndexes(List.of(creating)).build());
        assertDynamoError("ValidationException", "Cannot read from backfilling global secondary index",
                () -> client.scan(b -> b.tableName(tableName).indexName("byColor")));
    }

    @Test
    void consistentReadOnAGlobalIndexIsRejected() {
        assertDynamoError("ValidationException", "Consistent reads are not supported on global secondary indexes",
                () -> query("byColor", Map.of("color", eq(AttributeValue.fromS("red"))), b -> b.consistentRead(true)));
    }

    @Test
    void consistentReadOnALocalIndexIsAllowed() {
        assertEquals(BIG / 20, query("bySize", Map.of("pk", eq(AttributeValue.fromS("p1"))), b -> b.consistentRead(true)).count());
    }

    @Test
    void allAttributesFromAGlobalIndexWithoutAllProjectionIsRejected() {
        assertDynamoError("ValidationException",
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byOwner because its projection type is not ALL",
                () -> query("byOwner", Map.of("owner", eq(AttributeValue.fromS("owner0"))), b -> b.select(Select.ALL_ATTRIBUTES)));
    }

    @Test
    void indexQueryNeedsTheIndexPartitionKey() {
        assertDynamoError("ValidationException", "Query condition missed key schema element: color",
                () -> query("byColor", Map.of("pk", eq(AttributeValue.fromS("p1"))), b -> b));
    }

    @Test
    void indexStartKeyWithoutTheTableKeyIsInvalid() {
        assertDynamoError("ValidationException", "The provided starting key is invalid",
                () -> query("byOwner", Map.of("owner", eq(AttributeValue.fromS("owner0"))),
                        b -> b.exclusiveStartKey(Map.of("owner", AttributeValue.fromS("owner0"), "pk", AttributeValue.fromS("p0")))));
    }

    @Test
    void indexScanStartKeyMissingTheIndexKeyIsInvalid() {
        assertDynamoError("ValidationException", "The provided starting key is invalid",
                () -> client.scan(b -> b.tableName(name).indexName("byOwner").exclusiveStartKey(Map.of(
                        "pk", AttributeValue.fromS("p0"), "sk", AttributeValue.fromN("0"), "color", AttributeValue.fromS("red")))));
    }

    @Test
    void putItemRejectsAnOversizedIndexKey() {
        String tableName = tableWithColorIndex("index-keysize", "ALL");
        // real DynamoDB's answer, as quoted in architect/dynalite issue #35
        assertDynamoError("ValidationException",
                "One or more parameter values were invalid: Size limit exceeded for Index Key color Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: byColor",
                () -> client.putItem(b -> b.tableName(tableName).item(sdkItem("id", "1", "color", "x".repeat(2049)))));
        putItem(tableName, sdkItem("id", "2", "color", "x".repeat(2048)));
        assertEquals(1, countColor(tableName, "x".repeat(2048)));
    }

    @Test
    void putItemRejectsAnEmptyIndexKey() {
        String tableName = tableWithColorIndex("index-empty", "ALL");
        // real DynamoDB's answer, as quoted in architect/dynalite issue #184
        assertDynamoError("ValidationException",
                "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                        + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byColor, IndexKey: color",
                () -> client.putItem(b -> b.tableName(tableName).item(sdkItem("id", "1", "color", ""))));
    }

    @Test
    void tableScanIsUnaffectedByIndexes() {
        ScanResponse response = client.scan(b -> b.tableName(name).select(Select.COUNT));
        assertEquals(BIG, response.count());
        assertFalse(response.hasItems());
    }
}
