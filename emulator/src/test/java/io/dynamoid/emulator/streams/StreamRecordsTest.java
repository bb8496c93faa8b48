package io.dynamoid.emulator.streams;

import io.dynamoid.emulator.storage.TtlSweeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What writes put in a stream (Developer Guide, "Change data capture for DynamoDB Streams"). */
class StreamRecordsTest extends StreamsTestBase {

    /** INSERT, MODIFY, REMOVE of one item under {@code viewType}. */
    private static List<Record> insertModifyRemove(StreamViewType viewType) {
        String table = uniqueTableName("records");
        String arn = createTable(table, viewType);
        put(table, Map.of("pk", s("a"), "v", s("1")));
        client.updateItem(b -> b.tableName(table).key(key("a"))
                .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().value(s("2")).build())));
        client.deleteItem(b -> b.tableName(table).key(key("a")));
        List<Record> records = readAll(arn);
        assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
                records.stream().map(Record::eventName).toList());
        return records;
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void everyRecordHasTheKeysTheViewTypeAndTheEnvelope(StreamViewType viewType) {
        for (Record record : insertModifyRemove(viewType)) {
            assertEquals("aws:dynamodb", record.eventSource());
            assertEquals("1.1", record.eventVersion());
            assertEquals("us-east-1", record.awsRegion());
            assertTrue(record.eventID().matches("[0-9a-f]{32}"), record.eventID());
            assertNull(record.userIdentity());
            StreamRecord dynamodb = record.dynamodb();
            assertEquals(Map.of("pk", s("a")), dynamodb.keys());
            assertEquals(viewType.toString(), dynamodb.streamViewTypeAsString());
            assertTrue(dynamodb.sizeBytes() > 0);
            assertTrue(Math.abs(Duration.between(dynamodb.approximateCreationDateTime(), Instant.now()).toSeconds()) < 60);
        }
    }

    @Test
    void keysOnlyRecordsCarryNoImages() {
        for (Record record : insertModifyRemove(StreamViewType.KEYS_ONLY)) {
            assertFalse(record.dynamodb().hasNewImage());
            assertFalse(record.dynamodb().hasOldImage());
        }
    }

    @Test
    void newImageRecordsCarryTheItemAfterTheWrite() {
        List<Record> records = insertModifyRemove(StreamViewType.NEW_IMAGE);
        assertEquals(Map.of("pk", s("a"), "v", s("1")), records.get(0).dynamodb().newImage());
        assertEquals(Map.of("pk", s("a"), "v", s("2")), records.get(1).dynamodb().newImage());
        assertFalse(records.get(2).dynamodb().hasNewImage());
        for (Record record : records) assertFalse(record.dynamodb().hasOldImage());
    }

    @Test
    void oldImageRecordsCarryTheItemBeforeTheWrite() {
        List<Record> records = insertModifyRemove(StreamViewType.OLD_IMAGE);
        assertFalse(records.get(0).dynamodb().hasOldImage());
        assertEquals(Map.of("pk", s("a"), "v", s("1")), records.get(1).dynamodb().oldImage());
        assertEquals(Map.of("pk", s("a"), "v", s("2")), records.get(2).dynamodb().oldImage());
        for (Record record : records) assertFalse(record.dynamodb().hasNewImage());
    }

    @Test
    void newAndOldImagesRecordsCarryBoth() {
        List<Record> records = insertModifyRemove(StreamViewType.NEW_AND_OLD_IMAGES);
        Record modify = records.get(1);
        assertEquals(Map.of("pk", s("a"), "v", s("1")), modify.dynamodb().oldImage());
        assertEquals(Map.of("pk", s("a"), "v", s("2")), modify.dynamodb().newImage());
        assertFalse(records.get(0).dynamodb().hasOldImage());
        assertFalse(records.get(2).dynamodb().hasNewImage());
    }

    @Test
    void sequenceNumbersAreIncreasingDecimalStringsOf21Digits() {
        List<Record> records = insertModifyRemove(StreamViewType.KEYS_ONLY);
        BigInteger previous = BigInteger.ZERO;
        for (Record record : records) {
            String sequence = record.dynamodb().sequenceNumber();
            assertTrue(sequence.matches("[0-9]{21}"), sequence);
            assertTrue(new BigInteger(sequence).compareTo(previous) > 0);
            previous = new BigInteger(sequence);
        }
    }

    @Test
    void sizeBytesCountsTheKeysAndTheImagesShown() {
        String table = uniqueTableName("size");
        String arn = createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, Map.of("pk", s("ab"), "v", s("xyz")));
        // keys: "pk"+"ab" = 4 bytes; new image: 4 + "v"+"xyz" = 8 bytes
        assertEquals(12, readAll(arn).get(0).dynamodb().sizeBytes());
    }

    @Test
    void writesThatChangeNothingMakeNoRecord() {
        String table = uniqueTableName("noop");
        String arn = createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
        put(table, Map.of("pk", s("a"), "v", s("1")));
        put(table, Map.of("pk", s("a"), "v", s("1")));
        client.deleteItem(b -> b.tableName(table).key(key("missing")));
        assertEquals(1, readAll(arn).size());
    }

    @Test
    void tablesWithoutAStreamRecordNothing() {
        String table = uniqueTableName("nostream");
        createTable(table, null);
        put(table, Map.of("pk", s("a")));
        assertTrue(streams.listStreams(b -> b.tableName(table)).streams().isEmpty());
    }

    @Test
    void batchWritesRecordEveryPutAndDelete() {
        String table = uniqueTableName("batch");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        put(table, Map.of("pk", s("old")));
        client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("x"))).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("y"))).build()).build(),
                WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key("old")).build()).build()))));
        List<Record> records = readAll(arn);
        assertEquals(4, records.size());
        Set<String> batch = new HashSet<>();
        for (Record record : records.subList(1, 4)) batch.add(record.eventNameAsString() + " " + record.dynamodb().keys().get("pk").s());
        assertEquals(Set.of("INSERT x", "INSERT y", "REMOVE old"), batch);
    }

    @Test
    void transactionsRecordEveryWriteTheyCommit() {
        String table = uniqueTableName("transact");
        String arn = createTable(table, StreamViewType.NEW_IMAGE);
        put(table, Map.of("pk", s("b"), "n", AttributeValue.fromN("1")));
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of("pk", s("a"))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("b"))
                        .updateExpression("SET n = n + :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build()));
        List<Record> records = readAll(arn);
        assertEquals(3, records.size());
        assertEquals(OperationType.INSERT, records.get(1).eventName());
        assertEquals(OperationType.MODIFY, records.get(2).eventName());
        assertEquals("2", records.get(2).dynamodb().newImage().get("n").n());
    }

    @Test
    void partiqlWritesAreRecorded() {
        String table = uniqueTableName("partiql");
        String arn = createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
        String quoted = "\"" + table + "\"";
        client.executeStatement(b -> b.statement("INSERT INTO " + quoted + " VALUE {'pk': 'a', 'v': 1}"));
        client.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("UPDATE " + quoted + " SET v = 2 WHERE pk = 'a'").build(),
                ParameterizedStatement.builder().statement("INSERT INTO " + quoted + " VALUE {'pk': 'b'}").build()));
        client.executeStatement(b -> b.statement("DELETE FROM " + quoted + " WHERE pk = 'b'"));
        List<Record> records = readAll(arn);
        assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.INSERT, OperationType.REMOVE),
                records.stream().map(Record::eventName).toList());
        assertEquals("1", records.get(1).dynamodb().oldImage().get("v").n());
        assertEquals("2", records.get(1).dynamodb().newImage().get("v").n());
    }

    @Test
    void cancelledTransactionsRecordNothing() {
        String table = uniqueTableName("cancelled");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        try {
            client.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of("pk", s("a"))).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of("pk", s("b")))
                            .conditionExpression("attribute_exists(pk)").build()).build()));
        } catch (TransactionCanceledException expected) {
            // the condition on b fails, so a is not written either
        }
        assertTrue(readAll(arn).isEmpty());
    }

    @Test
    void ttlDeletionsAreRecordedAsTheServicesOwn() {
        String table = uniqueTableName("ttl");
        String arn = createTable(table, StreamViewType.OLD_IMAGE);
        client.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().enabled(true).attributeName("expires").build()));
        long expired = System.currentTimeMillis() / 1000 - 60;
        put(table, Map.of("pk", s("gone"), "expires", AttributeValue.fromN(Long.toString(expired))));
        client.deleteItem(b -> b.tableName(table).key(key("missing")));
        try (TtlSweeper sweeper = TtlSweeper.start(emulator.databases(), Duration.ofHours(1))) {
            sweeper.sweep(System.currentTimeMillis());
        }
        List<Record> records = readAll(arn);
        assertEquals(2, records.size());
        Record removal = records.get(1);
        assertEquals(OperationType.REMOVE, removal.eventName());
        assertEquals("dynamodb.amazonaws.com", removal.userIdentity().principalId());
        assertEquals("Service", removal.userIdentity().type());
        assertEquals("gone", removal.dynamodb().oldImage().get("pk").s());
    }

    @Test
    void requestDeletionsHaveNoUserIdentity() {
        String table = uniqueTableName("deleted");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        put(table, Map.of("pk", s("a")));
        client.deleteItem(b -> b.tableName(table).key(key("a")));
        assertNull(readAll(arn).get(1).userIdentity());
    }

    @Test
    void aReaderFollowingTheStreamWhileWritesContinueSeesEveryWriteOnceInOrder() throws Exception {
        String table = uniqueTableName("live");
        String arn = createTable(table, StreamViewType.NEW_IMAGE);
        int writes = 100;
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < writes; i++) {
                    int n = i;
                    put(table, Map.of("pk", s("k" + (n % 20)), "n", AttributeValue.fromN(Integer.toString(n))));
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        String next = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        writer.start();
        List<Record> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (seen.size() < writes && System.currentTimeMillis() < deadline) {
            String current = next;
            var page = streams.getRecords(b -> b.shardIterator(current).limit(7));
            seen.addAll(page.records());
            next = page.nextShardIterator();
        }
        writer.join();
        assertNull(writerFailure.get());
        assertEquals(writes, seen.size());
        for (int i = 0; i < writes; i++) {
            assertEquals(Integer.toString(i), seen.get(i).dynamodb().newImage().get("n").n(), "record " + i);
        }
    }
}
