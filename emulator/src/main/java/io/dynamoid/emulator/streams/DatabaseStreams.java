package io.dynamoid.emulator.streams;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.CommitListener;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The DynamoDB streams of one database (account and region). Hears every committed change as the
 * database's {@link CommitListener} and appends a record to the stream of the changed table when that
 * table's stream is enabled — while the writer still holds the item's lock, so an item's records are in
 * commit order. A write that changed nothing (an identical put, a delete of a missing item) makes no record.
 *
 * <p>Streams follow their tables' definitions: a stream exists for each stream label a table has had
 * ({@link TableDefinition#streamLabel()}), ENABLED while it is the table's current enabled stream, DISABLED
 * once turned off or once the table is gone; records and disabled streams are kept 24 hours.
 */
public final class DatabaseStreams implements CommitListener {
    static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;
    /** GetRecords answers at most 1 MB of records. */
    private static final long MAX_PAGE_BYTES = 1024 * 1024;

    private final String region;
    /** Streams by ARN (the order ListStreams pages through). */
    private final ConcurrentSkipListMap<String, TableStream> streams = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile LongSupplier clock = System::currentTimeMillis;

    private DatabaseStreams(String region) {
        this.region = region;
    }

    /** The streams of {@code database}, listening to its commits from the first call on. */
    public static DatabaseStreams of(Database database) {
        return database.extension(DatabaseStreams.class, db -> {
            DatabaseStreams streams = new DatabaseStreams(db.region());
            db.addCommitListener(streams);
            return streams;
        });
    }

    /** Replaces the clock (tests: retention and iterator expiry). */
    void clock(LongSupplier millis) {
        this.clock = millis;
    }

    long now() {
        return clock.getAsLong();
    }

    /** A sequence number as the API shows it: a decimal string of 21 digits. */
    public static String sequenceNumber(long sequence) {
        return Sequences.format(sequence);
    }

    public String region() {
        return region;
    }

    /** The last sequence number taken (LATEST iterators start after it). */
    long lastSequence() {
        return sequence.get();
    }

    // ---------------------------------------------------------------- hearing writes

    @Override
    public void committed(List<Change> changes) {
        long now = now();
        for (Change change : changes) {
            TableDefinition definition = change.table().definition();
            if (!definition.streamEnabled() || changedNothing(change)) continue;
            TableStream stream = streamOf(definition, now);
            stream.shard().append(sequence::incrementAndGet, seq -> record(seq, stream, change, now));
        }
    }

    private static boolean changedNothing(Change change) {
        Item old = change.oldItem();
        Item now = change.newItem();
        return old == null ? now == null : now != null && old.attributes().equals(now.attributes());
    }

    private StreamRecord record(long seq, TableStream stream, Change change, long now) {
        Item old = change.oldItem();
        Item current = change.newItem();
        String eventName = old == null ? "INSERT" : current == null ? "REMOVE" : "MODIFY";
        Map<String, AttrValue> keys = keysOf(stream, current != null ? current : old);
        String viewType = stream.viewType();
        Map<String, AttrValue> newImage = current != null && viewType.contains("NEW") ? current.attributes() : null;
        Map<String, AttrValue> oldImage = old != null && viewType.contains("OLD") ? old.attributes() : null;
        int size = ItemSize.of(keys) + (newImage == null ? 0 : current.size()) + (oldImage == null ? 0 : old.size());
        return new StreamRecord(seq, eventId(), eventName, now, keys, newImage, oldImage, size, viewType,
                change.ttlExpiry());
    }

    private static Map<String, AttrValue> keysOf(TableStream stream, Item item) {
        Map<String, AttrValue> keys = new LinkedHashMap<>();
        for (KeyElement element : stream.keySchema().elements()) keys.put(element.name(), item.get(element.name()));
        return keys;
    }

    /** A 32-hex-digit event id, like DynamoDB's. */
    private static String eventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    // ---------------------------------------------------------------- following the tables

    private TableStream streamOf(TableDefinition definition, long now) {
        String arn = arnOf(definition);
        TableStream known = streams.get(arn);
        if (known != null) return known;
        return streams.computeIfAbsent(arn, unused -> newStream(definition, now));
    }

    private TableStream newStream(TableDefinition definition, long now) {
        long created = Math.min(now, labelMillis(definition));
        String shardId = String.format("shardId-%020d-%08x", created, ThreadLocalRandom.current().nextInt());
        Shard shard = new Shard(shardId, sequence.get() + 1);
        return new TableStream(arnOf(definition), definition.name(), definition.id(), definition.streamLabel(),
                definition.streamViewType(), definition.keySchema(), created, shard);
    }

    /** When the stream was enabled: its label is that time (UTC, milliseconds). */
    private static long labelMillis(TableDefinition definition) {
        try {
            return LocalDateTime.parse(definition.streamLabel()).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String arnOf(TableDefinition definition) {
        return definition.arn() + "/stream/" + definition.streamLabel();
    }

    /**
     * Brings the streams up to date with the tables: the current stream of every table with one exists,
     * streams no longer current are DISABLED, and what is past retention is trimmed or forgotten. Run after
     * every request that changes table definitions (so a stream is disabled when its table's stream is turned
     * off or the table deleted) and before every streams answer.
     */
    public void sync(Database database) {
        long now = now();
        for (Table table : database.tables().values()) {
            TableDefinition definition = table.definition();
            if (definition.streamLabel() == null) continue;
            if (definition.streamEnabled()) {
                streamOf(definition, now);
            } else if (!streams.containsKey(arnOf(definition)) && labelMillis(definition) > now - RETENTION_MILLIS) {
                // enabled and turned off again before anyone looked: still listed, DISABLED, for a day
                streamOf(definition, now).disable(now);
            }
        }
        for (TableStream stream : streams.values()) {
            Table table = database.tables().get(stream.tableName());
            TableDefinition current = table == null ? null : table.definition();
            boolean live = current != null && current.id().equals(stream.tableId()) && current.streamEnabled()
                    && stream.label().equals(current.streamLabel());
            if (!live) stream.disable(now);
            if (stream.status().equals(TableStream.DISABLED) && stream.disabledAtMillis() < now - RETENTION_MILLIS) {
                streams.remove(stream.arn(), stream);
            } else {
                stream.shard().trim(now - RETENTION_MILLIS);
            }
        }
    }

    /** Every stream, in ARN order, after {@link #sync}. */
    public Collection<TableStream> all(Database database) {
        sync(database);
        return new ArrayList<>(streams.values());
    }

    /** The stream of that ARN, or null. */
    public TableStream find(Database database, String arn) {
        sync(database);
        return streams.get(arn);
    }

    /** The stream of that ARN, or ResourceNotFoundException. */
    public TableStream get(Database database, String arn) {
        TableStream stream = find(database, arn);
        if (stream == null) throw StreamErrors.streamNotFound(arn);
        return stream;
    }

    /**
     * GetShardIterator: where {@code type} starts reading in the stream's shard. {@code sequenceNumber} is
     * given exactly for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER (checked by the caller).
     */
    public ShardIterator iterator(Database database, String arn, String shardId, String type, String sequenceNumber) {
        TableStream stream = get(database, arn);
        Shard shard = stream.shard();
        if (!shard.id().equals(shardId)) throw StreamErrors.shardNotFound();
        long from;
        switch (type) {
            case "TRIM_HORIZON" -> from = shard.horizon();
            case "LATEST" -> from = shard.endingSequence() >= 0 ? shard.endingSequence() + 1 : lastSequence() + 1;
            default -> {
                long at = Sequences.parse(sequenceNumber);
                if (at < shard.startingSequence() || at > lastSequence() + 1
                        || (shard.endingSequence() >= 0 && at > shard.endingSequence())) {
                    throw Errors.validation("Invalid SequenceNumber " + sequenceNumber
                            + " for shard " + shardId + " of stream " + arn);
                }
                if (at <= shard.trimmedThrough()) throw StreamErrors.trimmedData();
                from = type.equals("AFTER_SEQUENCE_NUMBER") ? at + 1 : at;
            }
        }
        return new ShardIterator(arn, shardId, from, now());
    }

    /** What GetRecords answers: the records read and where to read next (null once a closed shard is done). */
    public record Page(List<StreamRecord> records, ShardIterator next) {
    }

    /** GetRecords: up to {@code limit} records (and at most 1 MB) from where {@code iterator} points. */
    public Page read(Database database, ShardIterator iterator, int limit) {
        long now = now();
        TableStream stream = get(database, iterator.streamArn());
        Shard shard = stream.shard();
        if (!shard.id().equals(iterator.shardId())) throw StreamErrors.shardNotFound();
        if (iterator.expiredAt(now)) throw StreamErrors.expiredIterator();
        if (iterator.from() <= shard.trimmedThrough()) throw StreamErrors.trimmedData();
        List<StreamRecord> records = shard.read(iterator.from(), limit, MAX_PAGE_BYTES);
        long next = records.isEmpty() ? iterator.from() : records.get(records.size() - 1).sequence() + 1;
        ShardIterator nextIterator = shard.exhaustedFrom(next) ? null
                : new ShardIterator(iterator.streamArn(), shard.id(), next, now);
        return new Page(records, nextIterator);
    }
}
