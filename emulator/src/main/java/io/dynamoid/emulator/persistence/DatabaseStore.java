package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.CommitListener;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Databases;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.TableListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One database on disk, in its own directory: the newest snapshot ({@code snapshot-GENERATION.snap}) and the
 * log files from that generation on. The in-memory {@link Database} stays the serving copy; this store hears
 * every change ({@link CommitListener}, {@link TableListener}) and appends it to the log before the writer
 * answers. Files are created on the first write, so a request that only reads leaves no trace on disk.
 */
final class DatabaseStore implements CommitListener, TableListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStore.class);
    private static final Pattern LOG_FILE = Pattern.compile("log-(\\d{16})\\.wal");
    private static final Pattern SNAPSHOT_FILE = Pattern.compile("snapshot-(\\d{16})\\.snap");
    private static final int SNAPSHOT_CHUNK_BYTES = 1 << 20;

    private final Path dir;
    private final String accessKeyId;
    private final String region;
    private final Database database;
    private final Persistence.Options options;
    private final Executor snapshotter;
    /** The log's generation and, when recovered, its open file: used when the log is first needed. */
    private long generation;
    private FileChannel recoveredChannel;
    private WriteAheadLog log;
    private boolean closed;

    private DatabaseStore(Path dir, String accessKeyId, String region, Persistence.Options options, Executor snapshotter) {
        this.dir = dir;
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.database = new Database(region == null ? Databases.DEFAULT_REGION : region, Databases.ACCOUNT_ID);
        this.options = options;
        this.snapshotter = snapshotter;
    }

    /** A database with nothing on disk yet. */
    static DatabaseStore fresh(Path dir, String accessKeyId, String region, Persistence.Options options, Executor snapshotter) {
        DatabaseStore store = new DatabaseStore(dir, accessKeyId, region, options, snapshotter);
        store.listen();
        return store;
    }

    Database database() {
        return database;
    }

    String accessKeyId() {
        return accessKeyId;
    }

    String region() {
        return region;
    }

    private void listen() {
        database.commitListener(this);
        database.tableListener(this);
    }

    // ---------------------------------------------------------------- hearing changes

    @Override
    public void committed(List<Change> changes) {
        log().append(Codec.changes(changes));
    }

    @Override
    public void tableAdded(Table table) {
        log().append(Codec.tablePut(table.definition()));
    }

    @Override
    public void tableRemoved(Table table) {
        log().append(Codec.tableDelete(table.definition().id()));
    }

    @Override
    public void definitionChanged(Table table, TableDefinition newDefinition) {
        log().append(Codec.tablePut(newDefinition));
    }

    private synchronized WriteAheadLog log() {
        if (log != null) return log;
        if (closed) throw new PersistenceException("The data directory " + dir.getParent() + " is closed");
        try {
            FileChannel channel = recoveredChannel;
            if (channel == null) {
                Files.createDirectories(dir);
                Persistence.forceDirectory(dir.getParent());
                channel = WriteAheadLog.create(dir, accessKeyId, region, generation);
            }
            recoveredChannel = null;
            log = new WriteAheadLog(dir, accessKeyId, region, generation, channel, options, this::scheduleSnapshot);
            return log;
        } catch (IOException e) {
            throw new PersistenceException("Cannot create the log in " + dir + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (log != null) log.close();
        try {
            if (recoveredChannel != null) recoveredChannel.close();
        } catch (IOException e) {
            LOG.warn("Closing the log in {} failed", dir, e);
        }
    }

    synchronized long syncs() {
        return log == null ? 0 : log.syncs();
    }

    // ---------------------------------------------------------------- snapshots

    private void scheduleSnapshot(long snapshotGeneration) {
        snapshotter.execute(() -> {
            try {
                long bytes = writeSnapshot(snapshotGeneration);
                log.snapshotDone(bytes);
            } catch (java.nio.channels.ClosedByInterruptException e) {
                LOG.info("Snapshot {} in {} stopped by shutdown; the logs keep everything", snapshotGeneration, dir);
            } catch (IOException | RuntimeException e) {
                // the logs stay: nothing is lost, recovery just has more to replay; retried at the next rotation
                LOG.warn("Snapshot {} in {} failed; keeping the logs", snapshotGeneration, dir, e);
                log.snapshotDone(0);
            }
        });
    }

    /**
     * Writes the database as it is now as snapshot {@code snapshotGeneration}, then deletes the files it
     * replaces. Taken while writes continue: an item may be seen before or after a change of the new
     * generation's log, and replaying that log over the snapshot (whole items, applied in order) ends in the
     * same state either way.
     */
    private long writeSnapshot(long snapshotGeneration) throws IOException {
        Path target = dir.resolve(String.format("snapshot-%016d.snap", snapshotGeneration));
        Path aside = dir.resolve(target.getFileName() + ".tmp");
        long tables = 0;
        long items = 0;
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(DataFile.preamble(DataFile.SNAPSHOT)));
            writeFully(out, DataFile.frame(Codec.header(accessKeyId, region, snapshotGeneration)));
            Output chunk = new Output(SNAPSHOT_CHUNK_BYTES + 4096);
            for (Table table : database.tables().values()) {
                TableDefinition definition = table.definition();
                writeFully(out, DataFile.frame(Codec.tablePut(definition)));
                tables++;
                int inChunk = 0;
                for (Item item : table.items().values()) {
                    Codec.writePut(chunk, definition.id(), item);
                    inChunk++;
                    items++;
                    if (chunk.size() >= SNAPSHOT_CHUNK_BYTES) {
                        writeChunk(out, chunk, inChunk);
                        inChunk = 0;
                    }
                }
                if (inChunk > 0) writeChunk(out, chunk, inChunk);
            }
            writeFully(out, DataFile.frame(Codec.end(tables, items)));
            out.force(true);
        }
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        Persistence.forceDirectory(dir);
        for (Path old : listFiles()) {
            Long g = generationOf(old, LOG_FILE);
            if (g == null) g = generationOf(old, SNAPSHOT_FILE);
            if (g != null && g < snapshotGeneration) Files.deleteIfExists(old);
        }
        Persistence.forceDirectory(dir);
        return Files.size(target);
    }

    private static void writeChunk(FileChannel out, Output chunk, int count) throws IOException {
        Output payload = new Output(chunk.size() + 8);
        Codec.startPuts(payload, count);
        byte[] body = chunk.toByteArray();
        payload.writeBytes(body, 0, body.length);
        writeFully(out, DataFile.frame(payload.toByteArray()));
        chunk.reset();
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) out.write(buffer);
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Loads the database in {@code dir}: the newest snapshot, then the logs from its generation on. A record
     * torn off the end of the newest log by a crash is cut away (with a warning); any other damage refuses to
     * start, naming the file and offset, rather than silently losing what follows it.
     */
    static DatabaseStore recover(Path dir, Persistence.Options options, Executor snapshotter) throws IOException {
        TreeMap<Long, Path> snapshots = new TreeMap<>();
        TreeMap<Long, Path> logs = new TreeMap<>();
        for (Path file : listFiles(dir)) {
            String name = file.getFileName().toString();
            Long g;
            if ((g = generationOf(file, SNAPSHOT_FILE)) != null) snapshots.put(g, file);
            else if ((g = generationOf(file, LOG_FILE)) != null) logs.put(g, file);
            else if (name.endsWith(".tmp")) Files.delete(file); // an unfinished snapshot or log creation
        }
        if (snapshots.isEmpty() && logs.isEmpty()) return null;

        Recovery recovery = new Recovery(dir);
        long base = 0;
        if (!snapshots.isEmpty()) {
            base = snapshots.lastKey();
            recovery.replay(snapshots.lastEntry().getValue(), DataFile.SNAPSHOT, base, false);
            if (!recovery.ended) {
                throw new PersistenceException(snapshots.lastEntry().getValue() + " is incomplete: it has no end record");
            }
        }
        long expected = base;
        FileChannel lastLog = null;
        List<Map.Entry<Long, Path>> toReplay = new ArrayList<>(logs.tailMap(base, true).entrySet());
        for (int i = 0; i < toReplay.size(); i++) {
            Map.Entry<Long, Path> entry = toReplay.get(i);
            if (entry.getKey() != expected) {
                throw new PersistenceException("Log generation " + expected + " is missing in " + dir + " (found "
                        + entry.getValue().getFileName() + ")");
            }
            boolean newest = i == toReplay.size() - 1;
            long validEnd = recovery.replay(entry.getValue(), DataFile.LOG, entry.getKey(), newest);
            if (newest) {
                lastLog = WriteAheadLog.openForAppend(entry.getValue());
                if (lastLog.size() != validEnd) {
                    lastLog.truncate(validEnd);
                    lastLog.force(true);
                    lastLog.position(validEnd);
                }
            }
            expected++;
        }
        if (recovery.identity == null) throw new PersistenceException(dir + " holds no readable file header");
        String expectedDir = Persistence.directoryName(recovery.identity.accessKeyId(), recovery.identity.region());
        if (!expectedDir.equals(dir.getFileName().toString())) {
            throw new PersistenceException(dir + " holds the database of another directory (" + expectedDir + ")");
        }
        for (Map.Entry<Long, Path> older : logs.headMap(base, false).entrySet()) Files.delete(older.getValue());
        for (Map.Entry<Long, Path> older : snapshots.headMap(base, false).entrySet()) Files.delete(older.getValue());

        DatabaseStore store = new DatabaseStore(dir, recovery.identity.accessKeyId(), recovery.identity.region(), options, snapshotter);
        recovery.into(store.database);
        store.generation = lastLog == null ? base : expected - 1;
        store.recoveredChannel = lastLog;
        store.listen();
        LOG.info("Loaded {} tables from {} ({} records replayed)", store.database.tables().size(), dir, recovery.records);
        return store;
    }

    /** The state being rebuilt, record by record. */
    private static final class Recovery {
        private final Path dir;
        private final Map<String, Table> tablesById = new HashMap<>();
        private final Map<String, Table> tablesByName = new HashMap<>();
        private Codec.Header identity;
        private boolean ended;
        private long records;

        Recovery(Path dir) {
            this.dir = dir;
        }

        /** Applies a file's records; returns the offset after the last good one. */
        long replay(Path file, byte kind, long generation, boolean mayHaveTornTail) throws IOException {
            ended = false;
            try (DataFile.Reader reader = new DataFile.Reader(file, kind)) {
                boolean first = true;
                while (true) {
                    long offset = reader.position();
                    byte[] payload;
                    try {
                        payload = reader.next();
                    } catch (DataFile.BadFrame bad) {
                        if (!first && mayHaveTornTail && !DataFile.intactFrameAfter(file, bad.offset)) {
                            LOG.warn("{}: {} at offset {}, at the end of the log: a write cut short by a crash (never "
                                    + "acknowledged); discarding the last {} bytes", file, bad.getMessage(), bad.offset,
                                    Files.size(file) - bad.offset);
                            return bad.offset;
                        }
                        throw new PersistenceException(file + " is damaged at offset " + bad.offset + ": " + bad.getMessage()
                                + (mayHaveTornTail ? " (intact records follow, so this is not a write cut short by a crash)" : "")
                                + "; refusing to start rather than lose the data after it");
                    }
                    if (payload == null) return offset;
                    Codec.Record record;
                    try {
                        record = Codec.decode(payload);
                    } catch (FormatException e) {
                        throw new PersistenceException(file + " has an unreadable record at offset " + offset + ": " + e.getMessage());
                    }
                    if (first) {
                        checkHeader(file, record, generation);
                        first = false;
                    } else {
                        apply(file, offset, record);
                    }
                }
            }
        }

        private void checkHeader(Path file, Codec.Record record, long generation) {
            if (!(record instanceof Codec.Header header)) throw new PersistenceException(file + " does not start with a header");
            if (header.generation() != generation) {
                throw new PersistenceException(file + " says it is generation " + header.generation());
            }
            if (identity == null) identity = header;
            else if (!java.util.Objects.equals(identity.accessKeyId(), header.accessKeyId())
                    || !java.util.Objects.equals(identity.region(), header.region())) {
                throw new PersistenceException(file + " belongs to another database than the other files in " + dir);
            }
        }

        private void apply(Path file, long offset, Codec.Record record) {
            records++;
            if (ended) throw new PersistenceException(file + " has a record after its end, at offset " + offset);
            if (record instanceof Codec.TablePut put) {
                TableDefinition definition = put.definition();
                Table table = tablesById.get(definition.id());
                if (table != null) {
                    TableDefinition before = table.definition();
                    table.definition(definition);
                    table.indexes().follow(before, definition); // an index added by UpdateTable: backfilled
                    return;
                }
                Table sameName = tablesByName.remove(definition.name());
                if (sameName != null) tablesById.remove(sameName.definition().id());
                table = new Table(definition);
                tablesById.put(definition.id(), table);
                tablesByName.put(definition.name(), table);
            } else if (record instanceof Codec.TableDelete delete) {
                Table table = tablesById.remove(delete.tableId());
                if (table != null) tablesByName.remove(table.name());
            } else if (record instanceof Codec.Items items) {
                for (Codec.ItemChange change : items.changes()) {
                    // a write that raced its table's deletion: the table, and the write with it, is gone
                    Table table = tablesById.get(change.tableId());
                    if (table == null) continue;
                    if (change.attributes() != null) {
                        Map<String, AttrValue> attributes = change.attributes();
                        table.commit(table.keyOf(attributes), Item.of(attributes));
                    } else {
                        table.commit(ItemKey.of(change.partition(), change.sort()), null);
                    }
                }
            } else if (record instanceof Codec.End) {
                ended = true;
            } else {
                throw new PersistenceException(file + " has a misplaced header at offset " + offset);
            }
        }

        void into(Database database) {
            for (Table table : tablesByName.values()) database.addIfAbsent(table);
        }
    }

    private List<Path> listFiles() throws IOException {
        return listFiles(dir);
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Long generationOf(Path file, Pattern pattern) {
        Matcher m = pattern.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : null;
    }
}
