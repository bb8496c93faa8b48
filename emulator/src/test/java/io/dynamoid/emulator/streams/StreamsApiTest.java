package io.dynamoid.emulator.streams;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ListStreams, DescribeStream, GetShardIterator and GetRecords (DynamoDB Streams API Reference). */
class StreamsApiTest extends StreamsTestBase {
    private static final long HOUR = 60L * 60 * 1000;

    private static <E extends AwsServiceException> E assertStreamsError(Class<E> type, String code, String message,
                                                                        Supplier<?> call) {
        E e = assertThrows(type, call::get);
        assertEquals(code, e.awsErrorDetails().errorCode());
        if (message != null) assertEquals(message, e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
        return e;
    }

    private static void disableStream(String table) {
        client.updateTable(b -> b.tableName(table).streamSpecification(StreamSpecification.builder().streamEnabled(false).build()));
    }

    @Test
    void theTablesLatestStreamArnIsListedWithItsTableAndLabel() {
        String table = uniqueTableName("listed");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        var description = client.describeTable(b -> b.tableName(table)).table();
        assertEquals(arn, description.latestStreamArn());
        assertTrue(arn.startsWith(description.tableArn() + "/stream/"));
        List<Stream> listed = streams.listStreams(b -> b.tableName(table)).streams();
        assertEquals(1, listed.size());
        assertEquals(arn, listed.get(0).streamArn());
        assertEquals(table, listed.get(0).tableName());
        assertEquals(description.latestStreamLabel(), listed.get(0).streamLabel());
    }

    @Test
    void listStreamsPagesWithLimitAndExclusiveStartStreamArn() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 3; i++) arns.add(createTable(uniqueTableName("paged"), StreamViewType.KEYS_ONLY));
        List<String> seen = new ArrayList<>();
        ListStreamsResponse page = streams.listStreams(b -> b.limit(1));
        seen.addAll(page.streams().stream().map(Stream::streamArn).toList());
        while (page.lastEvaluatedStreamArn() != null) {
            String start = page.lastEvaluatedStreamArn();
            page = streams.listStreams(b -> b.limit(1).exclusiveStartStreamArn(start));
            assertTrue(page.streams().size() <= 1);
            seen.addAll(page.streams().stream().map(Stream::streamArn).toList());
        }
        assertTrue(seen.containsAll(arns), seen.toString());
        assertEquals(seen.size(), seen.stream().distinct().count());
    }

    @Test
    void describeStreamShowsStatusViewTypeKeySchemaAndOneOpenShard() {
        String table = uniqueTableName("described");
        String arn = createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
        StreamDescription description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertEquals(arn, description.streamArn());
        assertEquals(StreamStatus.ENABLED, description.streamStatus());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, description.streamViewType());
        assertEquals(table, description.tableName());
        assertEquals("pk", description.keySchema().get(0).attributeName());
        assertEquals(KeyType.HASH, description.keySchema().get(0).keyType());
        assertNotNull(description.creationRequestDateTime());
        Shard shard = description.shards().get(0);
        assertEquals(1, description.shards().size());
        assertTrue(shard.shardId().length() >= 28 && shard.shardId().length() <= 65, shard.shardId());
        assertTrue(shard.sequenceNumberRange().startingSequenceNumber().matches("[0-9]{21}"));
        assertNull(shard.sequenceNumberRange().endingSequenceNumber());
        assertNull(description.lastEvaluatedShardId());
    }

    @Test
    void describeStreamAfterTheLastShardListsNoShards() {
        String arn = createTable(uniqueTableName("shards"), StreamViewType.KEYS_ONLY);
        String shardId = onlyShard(arn).shardId();
        assertTrue(streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(shardId)).streamDescription().shards().isEmpty());
    }

    @Test
    void disablingTheStreamClosesItsShardAndAReaderReachesTheEnd() {
        String table = uniqueTableName("disabled");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        put(table, Map.of("pk", s("a")));
        disableStream(table);
        put(table, Map.of("pk", s("after")));
        StreamDescription description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        assertEquals(StreamStatus.DISABLED, description.streamStatus());
        var range = description.shards().get(0).sequenceNumberRange();
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(iterator(arn, ShardIteratorType.TRIM_HORIZON)));
        assertEquals(1, page.records().size());
        assertEquals(page.records().get(0).dynamodb().sequenceNumber(), range.endingSequenceNumber());
        assertNull(page.nextShardIterator(), "a closed shard read to its end has no next iterator");
    }

    @Test
    void reEnablingTheStreamMakesANewStreamBesideTheDisabledOne() throws InterruptedException {
        String table = uniqueTableName("reenabled");
        String first = createTable(table, StreamViewType.KEYS_ONLY);
        disableStream(table);
        Thread.sleep(2); // labels are creation times in milliseconds
        String second = client.updateTable(b -> b.tableName(table).streamSpecification(StreamSpecification.builder()
                .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())).tableDescription().latestStreamArn();
        assertNotEquals(first, second);
        List<Stream> listed = streams.listStreams(b -> b.tableName(table)).streams();
        assertEquals(2, listed.size());
        assertEquals(StreamStatus.DISABLED, streams.describeStream(b -> b.streamArn(first)).streamDescription().streamStatus());
        assertEquals(StreamStatus.ENABLED, streams.describeStream(b -> b.streamArn(second)).streamDescription().streamStatus());
    }

    @Test
    void deletingTheTableDisablesItsStreamWhichStaysReadable() {
        String table = uniqueTableName("dropped");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        put(table, Map.of("pk", s("a")));
        client.deleteTable(b -> b.tableName(table));
        assertEquals(StreamStatus.DISABLED, streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus());
        assertEquals(1, readAll(arn).size());
    }

    @Test
    void latestStartsAfterTheNewestRecord() {
        String table = uniqueTableName("latest");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        put(table, Map.of("pk", s("before")));
        String latest = iterator(arn, ShardIteratorType.LATEST);
        put(table, Map.of("pk", s("after")));
        List<Record> records = streams.getRecords(b -> b.shardIterator(latest)).records();
        assertEquals(List.of("after"), records.stream().map(r -> r.dynamodb().keys().get("pk").s()).toList());
    }

    @Test
    void atAndAfterSequenceNumberStartAtOrAfterThatRecord() {
        String table = uniqueTableName("sequence");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        for (String pk : List.of("a", "b", "c")) put(table, Map.of("pk", s(pk)));
        String second = readAll(arn).get(1).dynamodb().sequenceNumber();
        String shardId = onlyShard(arn).shardId();
        for (ShardIteratorType type : List.of(ShardIteratorType.AT_SEQUENCE_NUMBER, ShardIteratorType.AFTER_SEQUENCE_NUMBER)) {
            String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type)
                    .sequenceNumber(second)).shardIterator();
            List<String> keys = streams.getRecords(b -> b.shardIterator(it)).records().stream()
                    .map(r -> r.dynamodb().keys().get("pk").s()).toList();
            assertEquals(type == ShardIteratorType.AT_SEQUENCE_NUMBER ? List.of("b", "c") : List.of("c"), keys);
        }
    }

    @Test
    void theShardsStartingSequenceNumberIsAValidStartEvenBeforeAnyRecord() {
        String arn = createTable(uniqueTableName("start"), StreamViewType.KEYS_ONLY);
        Shard shard = onlyShard(arn);
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(shard.sequenceNumberRange().startingSequenceNumber())).shardIterator();
        GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(it));
        assertTrue(page.records().isEmpty());
        assertNotNull(page.nextShardIterator(), "an open shard always has a next iterator");
    }

    @Test
    void getRecordsLimitPagesThroughNextShardIterator() {
        String table = uniqueTableName("limit");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        for (int i = 0; i < 5; i++) put(table, Map.of("pk", s("k" + i)));
        String it = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        GetRecordsResponse first = streams.getRecords(b -> b.shardIterator(it).limit(2));
        assertEquals(2, first.records().size());
        GetRecordsResponse second = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(2));
        assertEquals(List.of("k2", "k3"), second.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList());
    }

    @Test
    void anUnknownStreamArnIsNotFound() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/nothing/stream/2020-01-01T00:00:00.000";
        // DynamoDB Streams' wording, as clients report it (e.g. localstack/localstack#1655, SeanRoy/lambda-maven-plugin#121)
        assertStreamsError(ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Stream: " + arn + " not found",
                () -> streams.describeStream(b -> b.streamArn(arn)));
    }

    @Test
    void aMalformedStreamArnIsAValidationError() {
        // real DynamoDB answers ValidationException here (scylladb test_streams.py: test_describe_nonexistent_stream)
        assertStreamsError(AwsServiceException.class, "ValidationException", null,
                () -> streams.describeStream(b -> b.streamArn("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf")));
    }

    @Test
    void anUnknownShardIsNotFound() {
        String arn = createTable(uniqueTableName("noshard"), StreamViewType.KEYS_ONLY);
        // DynamoDB Streams' wording (ironSource/node-dynamodb-stream#16)
        assertStreamsError(ResourceNotFoundException.class, "ResourceNotFoundException",
                "Requested resource not found: Shard does not exist",
                () -> streams.getShardIterator(b -> b.streamArn(arn).shardId("shardId-00000000000000000000-00000000")
                        .shardIteratorType(ShardIteratorType.LATEST)));
    }

    @Test
    void sequenceNumbersAreRequiredExactlyForTheSequenceIteratorTypes() {
        String arn = createTable(uniqueTableName("needs"), StreamViewType.KEYS_ONLY);
        Shard shard = onlyShard(arn);
        String start = shard.sequenceNumberRange().startingSequenceNumber();
        // both ValidationException on DynamoDB (scylladb test_streams.py: test_get_shard_iterator)
        assertStreamsError(AwsServiceException.class, "ValidationException", null,
                () -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)));
        assertStreamsError(AwsServiceException.class, "ValidationException", null,
                () -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON).sequenceNumber(start)));
    }

    @Test
    void getRecordsLimitAbove1000IsAValidationError() {
        String arn = createTable(uniqueTableName("toomany"), StreamViewType.KEYS_ONLY);
        String it = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        assertStreamsError(AwsServiceException.class, "ValidationException",
                "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000",
                () -> streams.getRecords(b -> b.shardIterator(it).limit(1001)));
    }

    @Test
    void aForgedShardIteratorIsAValidationError() {
        // scylladb test_streams.py: test_get_records_nonexistent_iterator
        assertStreamsError(AwsServiceException.class, "ValidationException", null,
                () -> streams.getRecords(b -> b.shardIterator("sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg")));
    }

    @Test
    void iteratorsExpireAfter15Minutes() {
        String arn = createTable(uniqueTableName("expired"), StreamViewType.KEYS_ONLY);
        String it = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        long start = System.currentTimeMillis();
        databaseStreams().clock(() -> start + 16 * 60 * 1000);
        try {
            // the message DynamoDB Streams answers (spring-attic/spring-integration-aws#59)
            assertStreamsError(ExpiredIteratorException.class, "ExpiredIteratorException", "Shard iterator has expired",
                    () -> streams.getRecords(b -> b.shardIterator(it)));
        } finally {
            databaseStreams().clock(System::currentTimeMillis);
        }
    }

    @Test
    void recordsAreKept24HoursThenTrimmed() {
        String table = uniqueTableName("trimmed");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        put(table, Map.of("pk", s("old")));
        String oldIterator = iterator(arn, ShardIteratorType.TRIM_HORIZON);
        String oldSequence = readAll(arn).get(0).dynamodb().sequenceNumber();
        long start = System.currentTimeMillis();
        databaseStreams().clock(() -> start + 23 * HOUR);
        try {
            assertEquals(1, readAll(arn).size(), "kept for 24 hours");
            databaseStreams().clock(() -> start + 25 * HOUR);
            put(table, Map.of("pk", s("new")));
            List<Record> kept = readAll(arn);
            assertEquals(List.of("new"), kept.stream().map(r -> r.dynamodb().keys().get("pk").s()).toList());
            String shardId = onlyShard(arn).shardId();
            assertThrows(TrimmedDataAccessException.class, () -> streams.getShardIterator(b -> b.streamArn(arn)
                    .shardId(shardId).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(oldSequence)));
            databaseStreams().clock(() -> start + 25 * HOUR + 60_000);
            // an iterator made before the trim is also past it (and expired); a fresh one at the old position is trimmed
            assertThrows(AwsServiceException.class, () -> streams.getRecords(b -> b.shardIterator(oldIterator)));
        } finally {
            databaseStreams().clock(System::currentTimeMillis);
        }
    }

    @Test
    void disabledStreamsAreForgottenAfter24Hours() {
        String table = uniqueTableName("forgotten");
        String arn = createTable(table, StreamViewType.KEYS_ONLY);
        streams.describeStream(b -> b.streamArn(arn));
        disableStream(table);
        long start = System.currentTimeMillis();
        databaseStreams().clock(() -> start + 23 * HOUR);
        try {
            assertEquals(1, streams.listStreams(b -> b.tableName(table)).streams().size());
            databaseStreams().clock(() -> start + 25 * HOUR);
            assertTrue(streams.listStreams(b -> b.tableName(table)).streams().isEmpty());
        } finally {
            databaseStreams().clock(System::currentTimeMillis);
        }
    }

    @Test
    void unknownStreamsOperationsAreUnknownOperations() {
        var answer = raw.send(HttpRequest.newBuilder(raw.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDBStreams_20120810.DescribeStreamConsumers")
                .header("X-Amz-Date", "20261125T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261125/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, answer.status());
        assertEquals("UnknownOperationException", answer.errorType());
    }
}
