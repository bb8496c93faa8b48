package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.storage.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.dynamoid.emulator.operations.ReadFixtures.item;
import static io.dynamoid.emulator.operations.ReadFixtures.key;
import static io.dynamoid.emulator.operations.ReadFixtures.n;
import static io.dynamoid.emulator.operations.ReadFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanTest extends EmulatorTestBase {
    private static final int BIG = 3000;
    private static String bigTable;
    private static String smallTable;

    @BeforeAll
    static void createTables() {
        bigTable = uniqueTableName("scan-big");
        Table big = ReadFixtures.createTable(client, emulator, bigTable, key("pk", "S", "sk", "N"), List.of(), List.of());
        for (int i = 0; i < BIG; i++) {
            ReadFixtures.put(big, item("pk", s("p" + (i % 300)), "sk", n(i), "even", s(i % 2 == 0 ? "yes" : "no")));
        }
        smallTable = uniqueTableName("scan-small");
        Table small = ReadFixtures.createTable(client, emulator, smallTable, key("id", "S", null, null), List.of(), List.of());
        for (int i = 0; i < 5; i++) ReadFixtures.put(small, item("id", s("item" + i), "value", n(i)));
    }

    /** Pages through a scan, returning every item key seen (asserting none is seen twice). */
    private static List<String> scanAll(UnaryOperator<ScanRequest.Builder> request) {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder builder = ScanRequest.builder().tableName(bigTable).exclusiveStartKey(start);
            ScanResponse response = client.scan(request.apply(builder).build());
            for (Map<String, AttributeValue> item : response.items()) {
                seen.add(item.get("pk").s() + "/" + item.get("sk").n());
            }
            start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return seen;
    }

    @Test
    void pagesVisitEveryItemExactlyOnce() {
        List<String> seen = scanAll(b -> b.limit(97));
        assertEquals(BIG, seen.size());
        assertEquals(BIG, new HashSet<>(seen).size());
    }

    @Test
    void orderIsStableSoEveryPageResumesWhereTheLastStopped() {
        List<String> unpaged = scanAll(b -> b);
        List<String> paged = scanAll(b -> b.limit(250));
        assertEquals(unpaged, paged);
    }

    @Test
    void parallelSegmentsPartitionTheTableExactly() {
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 7; segment++) {
            int s = segment;
            List<String> seen = scanAll(b -> b.segment(s).totalSegments(7).limit(200));
            total += seen.size();
            union.addAll(seen);
        }
        assertEquals(BIG, total, "no item in two segments");
        assertEquals(BIG, union.size(), "every item in some segment");
    }

    @Test
    void singleSegmentIsTheWholeTable() {
        assertEquals(BIG, scanAll(b -> b.segment(0).totalSegments(1)).size());
    }

    @Test
    void limitCountsEvaluatedItemsAndReturnsLastEvaluatedKey() {
        ScanResponse response = client.scan(b -> b.tableName(smallTable).limit(2));
        assertEquals(2, response.count());
        assertEquals(2, response.scannedCount());
        assertEquals(Map.of("id", response.items().get(1).get("id")), response.lastEvaluatedKey());
    }

    @Test
    void limitReachedOnTheLastItemStillReturnsLastEvaluatedKey() {
        // DynamoDB stops on Limit without looking ahead: the next page is then empty.
        ScanResponse response = client.scan(b -> b.tableName(smallTable).limit(5));
        assertEquals(5, response.count());
        assertTrue(response.hasLastEvaluatedKey());
        ScanResponse next = client.scan(b -> b.tableName(smallTable).exclusiveStartKey(response.lastEvaluatedKey()));
        assertEquals(0, next.count());
        assertFalse(next.hasLastEvaluatedKey());
    }

    @Test
    void completeScanHasNoLastEvaluatedKey() {
        ScanResponse response = client.scan(b -> b.tableName(smallTable));
        assertEquals(5, response.count());
        assertFalse(response.hasLastEvaluatedKey());
    }

    @Test
    void selectCountReturnsCountsWithoutItems() {
        ScanResponse response = client.scan(b -> b.tableName(smallTable).select(Select.COUNT));
        assertEquals(5, response.count());
        assertEquals(5, response.scannedCount());
        assertFalse(response.hasItems());
    }

    @Test
    void attributesToGetKeepsOnlyTheNamedAttributes() {
        ScanResponse response = client.scan(b -> b.tableName(smallTable).attributesToGet("value"));
        assertEquals(5, response.count());
        for (Map<String, AttributeValue> item : response.items()) assertEquals(Set.of("value"), item.keySet());
    }

    @Test
    void pageStopsOnceItHoldsOneMegabyte() {
        String name = uniqueTableName("scan-large");
        Table table = ReadFixtures.createTable(client, emulator, name, key("id", "S", null, null), List.of(), List.of());
        String payload = "x".repeat(300_000);
        for (int i = 0; i < 10; i++) ReadFixtures.put(table, item("id", s("big" + i), "payload", s(payload)));
        ScanResponse first = client.scan(b -> b.tableName(name));
        // 300 KB items: the fourth one takes the page past 1 MB, and the page ends with it.
        assertEquals(4, first.count());
        assertNotNull(first.lastEvaluatedKey());
        Set<String> ids = new HashSet<>();
        first.items().forEach(i -> ids.add(i.get("id").s()));
        Map<String, AttributeValue> start = first.lastEvaluatedKey();
        while (start != null) {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName(name).exclusiveStartKey(from));
            page.items().forEach(i -> assertTrue(ids.add(i.get("id").s())));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        }
        assertEquals(10, ids.size());
    }

    @Test
    void consumedCapacityRoundsTheEvaluatedBytesUpToFourKilobytes() {
        String name = uniqueTableName("scan-capacity");
        Table table = ReadFixtures.createTable(client, emulator, name, key("id", "S", null, null), List.of(), List.of());
        // 3 items of 5,000 bytes = 15,000 bytes -> 4 units of 4 KB
        for (int i = 0; i < 3; i++) ReadFixtures.put(table, item("id", s("i" + i), "p", s("y".repeat(4998 - 2 - 1))));
        ScanResponse eventual = client.scan(b -> b.tableName(name).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(2.0, eventual.consumedCapacity().capacityUnits());
        assertEquals(name, eventual.consumedCapacity().tableName());
        ScanResponse strong = client.scan(b -> b.tableName(name).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(4.0, strong.consumedCapacity().capacityUnits());
        assertEquals(4.0, strong.consumedCapacity().table().capacityUnits());
    }

    @Test
    void emptyScanStillConsumesHalfAUnit() {
        String name = uniqueTableName("scan-empty");
        ReadFixtures.createTable(client, emulator, name, key("id", "S", null, null), List.of(), List.of());
        ScanResponse response = client.scan(b -> b.tableName(name).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(0.5, response.consumedCapacity().capacityUnits());
        assertEquals(0, response.count());
    }

    @Test
    void noConsumedCapacityUnlessAsked() {
        assertNull(client.scan(b -> b.tableName(smallTable)).consumedCapacity());
    }

    // Messages below: dynalite test/scan.js (checked against DynamoDB) and validations/scan.js.

    @Test
    void segmentWithoutTotalSegmentsIsRejected() {
        assertDynamoError("ValidationException",
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
                () -> client.scan(b -> b.tableName(smallTable).segment(1)));
    }

    @Test
    void totalSegmentsWithoutSegmentIsRejected() {
        assertDynamoError("ValidationException",
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
                () -> client.scan(b -> b.tableName(smallTable).totalSegments(2)));
    }

    @Test
    void segmentMustBeLessThanTotalSegments() {
        assertDynamoError("ValidationException",
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2",
                () -> client.scan(b -> b.tableName(smallTable).segment(2).totalSegments(2)));
    }

    @Test
    void totalSegmentsAboveOneMillionIsRejected() {
        assertDynamoError("ValidationException",
                "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000",
                () -> client.scan(b -> b.tableName(smallTable).segment(0).totalSegments(1000001)));
    }

    @Test
    void startKeyFromAnotherSegmentIsRejected() {
        ScanResponse first = client.scan(b -> b.tableName(bigTable).segment(0).totalSegments(4).limit(1));
        assertDynamoError("ValidationException",
                "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 4 Segment: 3",
                () -> client.scan(b -> b.tableName(bigTable).segment(3).totalSegments(4)
                        .exclusiveStartKey(first.lastEvaluatedKey())));
    }

    @Test
    void startKeyMissingAKeyAttributeIsRejected() {
        assertDynamoError("ValidationException",
                "The provided starting key is invalid: The provided key element does not match the schema",
                () -> client.scan(b -> b.tableName(bigTable).exclusiveStartKey(Map.of("pk", AttributeValue.fromS("a")))));
    }

    @Test
    void startKeyOfTheWrongTypeIsRejected() {
        assertDynamoError("ValidationException",
                "The provided starting key is invalid: The provided key element does not match the schema",
                () -> client.scan(b -> b.tableName(smallTable).exclusiveStartKey(Map.of("id", AttributeValue.fromN("1")))));
    }

    @Test
    void startKeyWithAnEmptyStringIsRejected() {
        assertDynamoError("ValidationException",
                "The provided starting key is invalid: One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty string value. Key: id",
                () -> client.scan(b -> b.tableName(smallTable).exclusiveStartKey(Map.of("id", AttributeValue.fromS("")))));
    }

    @Test
    void unknownTableIsNotFound() {
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> client.scan(b -> b.tableName("no-such-table")));
    }

    @Test
    void unknownIndexIsRejected() {
        assertDynamoError("ValidationException", "The table does not have the specified index: nope",
                () -> client.scan(b -> b.tableName(smallTable).indexName("nope")));
    }

    @Test
    void allProjectedAttributesNeedsAnIndex() {
        // DynamoDB Local's message (its words, "Querying", also for Scan)
        assertDynamoError("ValidationException", "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
                () -> client.scan(b -> b.tableName(smallTable).select(Select.ALL_PROJECTED_ATTRIBUTES)));
    }

    @Test
    void specificAttributesNeedsAttributeNames() {
        assertDynamoError("ValidationException",
                "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES",
                () -> client.scan(b -> b.tableName(smallTable).select(Select.SPECIFIC_ATTRIBUTES)));
    }

    @Test
    void countWithAttributesToGetIsRejected() {
        assertDynamoError("ValidationException", "Cannot specify the AttributesToGet when choosing to get only the Count",
                () -> client.scan(b -> b.tableName(smallTable).select(Select.COUNT).attributesToGet("value")));
    }

    @Test
    void duplicateAttributesToGetIsRejected() {
        assertDynamoError("ValidationException",
                "One or more parameter values were invalid: Duplicate value in attribute name: value",
                () -> client.scan(b -> b.tableName(smallTable).attributesToGet("value", "value")));
    }

    @Test
    void limitBelowOneIsRejected() {
        var answer = raw.call("Scan", "{\"TableName\":\"" + smallTable + "\",\"Limit\":0}");
        assertEquals(400, answer.status());
        assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
                answer.message());
    }
}
