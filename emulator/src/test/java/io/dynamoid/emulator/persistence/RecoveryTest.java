package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.dynamoid.emulator.persistence.PersistenceTesting.client;
import static io.dynamoid.emulator.persistence.PersistenceTesting.createTable;
import static io.dynamoid.emulator.persistence.PersistenceTesting.get;
import static io.dynamoid.emulator.persistence.PersistenceTesting.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What recovery does with damaged files: cut a torn tail, refuse any other damage, naming file and offset. */
class RecoveryTest {
    private static final int ITEMS = 90;

    @TempDir
    Path dir;

    /** Creates table "ttt" and puts k0..k{count-1}, one log record each, then stops the emulator. */
    private void writeItems(int count) {
        try (Emulator emulator = Emulator.builder().dbPath(dir).start(); DynamoDbClient client = client(emulator)) {
            createTable(client, "ttt", false);
            for (int i = 0; i < count; i++) {
                int id = i;
                client.putItem(b -> b.tableName("ttt").item(item("k" + id)));
            }
        }
    }

    private List<String> presentKeys(int upTo) {
        try (Emulator emulator = Emulator.builder().dbPath(dir).start(); DynamoDbClient client = client(emulator)) {
            List<String> present = new ArrayList<>();
            for (int i = 0; i < upTo; i++) if (get(client, "ttt", "k" + i) != null) present.add("k" + i);
            return present;
        }
    }

    private Path onlyFile(String glob) throws IOException {
        try (Stream<Path> dbs = Files.list(dir)) {
            Path db = dbs.filter(Files::isDirectory).findFirst().orElseThrow();
            try (var files = Files.newDirectoryStream(db, glob)) {
                List<Path> found = new ArrayList<>();
                files.forEach(found::add);
                assertEquals(1, found.size(), "files " + glob + ": " + found);
                return found.get(0);
            }
        }
    }

    /** Where each record of a file starts (the header record first). */
    private static List<Long> recordOffsets(Path file, byte kind) throws Exception {
        List<Long> offsets = new ArrayList<>();
        try (DataFile.Reader reader = new DataFile.Reader(file, kind)) {
            while (true) {
                long at = reader.position();
                if (reader.next() == null) return offsets;
                offsets.add(at);
            }
        }
    }

    private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        overwrite(file, offset, new byte[]{(byte) ~all[(int) offset]});
    }

    @Test
    void aRecordTornOffTheEndOfTheLogIsCutAwayAndTheRestKept() throws Exception {
        writeItems(5);
        Path log = onlyFile("log-*.wal");
        List<Long> offsets = recordOffsets(log, DataFile.LOG);
        long lastRecord = offsets.get(offsets.size() - 1);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(log) - 3);
        }
        assertEquals(List.of("k0", "k1", "k2", "k3"), presentKeys(5));
        assertEquals(lastRecord, Files.size(log), "the torn record is cut off the file");

        try (Emulator emulator = Emulator.builder().dbPath(dir).start(); DynamoDbClient client = client(emulator)) {
            client.putItem(b -> b.tableName("ttt").item(item("k4")));
        }
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4"), presentKeys(5), "the log goes on after the cut");
    }

    @Test
    void aZeroFilledTailIsCutAway() throws Exception {
        writeItems(3);
        Path log = onlyFile("log-*.wal");
        long size = Files.size(log);
        overwrite(log, size, new byte[4096]);
        assertEquals(List.of("k0", "k1", "k2"), presentKeys(3));
        assertEquals(size, Files.size(log));
    }

    @Test
    void aDamagedLastRecordIsTreatedAsTorn() throws Exception {
        writeItems(3);
        Path log = onlyFile("log-*.wal");
        List<Long> offsets = recordOffsets(log, DataFile.LOG);
        flipByte(log, offsets.get(offsets.size() - 1) + DataFile.FRAME_HEADER_SIZE + 2);
        assertEquals(List.of("k0", "k1"), presentKeys(3));
    }

    @Test
    void aDamagedRecordInTheMiddleRefusesToStartNamingTheFileAndOffset() throws Exception {
        writeItems(5);
        Path log = onlyFile("log-*.wal");
        long damaged = recordOffsets(log, DataFile.LOG).get(3);
        flipByte(log, damaged + DataFile.FRAME_HEADER_SIZE + 2);
        PersistenceException e = assertThrows(PersistenceException.class, () -> Emulator.builder().dbPath(dir).start());
        assertTrue(e.getMessage().startsWith(log.toAbsolutePath() + " is damaged at offset " + damaged + ": record checksum mismatch"),
                e.getMessage());
        assertTrue(e.getMessage().contains("refusing to start"), e.getMessage());
        assertTrue(Files.size(log) > damaged + 100, "nothing is cut away");
    }

    @Test
    void aDamagedRecordHeaderInTheMiddleRefusesToStart() throws Exception {
        writeItems(5);
        Path log = onlyFile("log-*.wal");
        long damaged = recordOffsets(log, DataFile.LOG).get(2);
        flipByte(log, damaged + 5); // inside the length: must not be believed, nor the rest dropped as a torn tail
        PersistenceException e = assertThrows(PersistenceException.class, () -> Emulator.builder().dbPath(dir).start());
        assertTrue(e.getMessage().contains("is damaged at offset " + damaged + ": damaged record header"), e.getMessage());
    }

    @Test
    void aFileFromANewerFormatVersionIsRefused() throws Exception {
        writeItems(1);
        Path log = onlyFile("log-*.wal");
        overwrite(log, 9, ByteBuffer.allocate(4).putInt(Codec.FORMAT_VERSION + 1).array());
        PersistenceException e = assertThrows(PersistenceException.class, () -> Emulator.builder().dbPath(dir).start());
        assertEquals(log.toAbsolutePath() + " has data format version " + (Codec.FORMAT_VERSION + 1) + "; this release reads version "
                + Codec.FORMAT_VERSION + " (it was written by a newer release)", e.getMessage());
    }

    @Test
    void aTransactionIsOneLogRecordAndATornOneLeavesNothingBehind() throws Exception {
        try (Emulator emulator = Emulator.builder().dbPath(dir).start(); DynamoDbClient client = client(emulator)) {
            createTable(client, "ttt", false);
            createTable(client, "uuu", false);
            Database database = emulator.databases().forRequest("AKIDTEST", "us-east-1");
            Table t = database.table("ttt");
            Table u = database.table("uuu");
            List<Change> group = new ArrayList<>();
            for (Table table : List.of(t, u, t)) {
                Map<String, AttrValue> attributes = Map.of("pk", new AttrValue.S("x" + group.size()));
                group.add(new Change(table, table.keyOf(attributes), null, Item.of(attributes)));
            }
            // as a transaction does: holding the keys' locks around the group
            t.lockFor(group.get(0).key()).lock();
            try {
                database.commitGroup(group);
            } finally {
                t.lockFor(group.get(0).key()).unlock();
            }
        }
        Path log = onlyFile("log-*.wal");
        List<Long> offsets = recordOffsets(log, DataFile.LOG);
        long last = offsets.get(offsets.size() - 1);
        byte[] payload = Files.readAllBytes(log);
        byte[] record = java.util.Arrays.copyOfRange(payload, (int) last + DataFile.FRAME_HEADER_SIZE, payload.length);
        Codec.Items items = assertInstanceOf(Codec.Items.class, Codec.decode(record));
        assertEquals(3, items.changes().size(), "one record for the whole group");

        try (Emulator emulator = Emulator.builder().dbPath(dir).start(); DynamoDbClient client = client(emulator)) {
            assertNotNull(get(client, "ttt", "x0"));
            assertNotNull(get(client, "uuu", "x1"));
            assertNotNull(get(client, "ttt", "x2"));
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(last + DataFile.FRAME_HEADER_SIZE + 10);
        }
        try (Emulator emulator = Emulator.builder().dbPath(dir).start(); DynamoDbClient client = client(emulator)) {
            assertNull(get(client, "ttt", "x0"));
            assertNull(get(client, "uuu", "x1"));
            assertNull(get(client, "ttt", "x2"));
        }
    }

    @Test
    void compactionWritesASnapshotDeletesOldLogsAndKeepsEverything() throws Exception {
        Persistence.Options small = new Persistence.Options(SyncMode.ALWAYS, 100, 2048);
        try (Emulator emulator = Emulator.builder().dbPath(dir).persistenceOptions(small).start();
             DynamoDbClient client = client(emulator)) {
            createTable(client, "ttt", false);
            for (int i = 0; i < ITEMS; i++) {
                int id = i;
                client.putItem(b -> b.tableName("ttt").item(item("k" + id, "pad", PersistenceTesting.s("x".repeat(100)))));
                if (i % 3 == 0) client.deleteItem(b -> b.tableName("ttt").key(Map.of("pk", PersistenceTesting.s("k" + (id / 2)))));
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (snapshotCount() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        }
        assertTrue(snapshotCount() >= 1, "a snapshot was written");
        Path snapshot = onlyFile("snapshot-*.snap");
        long snapshotGeneration = Long.parseLong(snapshot.getFileName().toString().replaceAll("\\D", ""));
        try (Stream<Path> files = Files.list(snapshot.getParent())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("log-")) {
                    assertTrue(Long.parseLong(name.replaceAll("\\D", "")) >= snapshotGeneration, "an old log is left: " + name);
                }
            }
        }
        List<String> expected = new ArrayList<>();
        java.util.Set<Integer> deleted = new java.util.HashSet<>();
        for (int i = 0; i < ITEMS; i++) if (i % 3 == 0) deleted.add(i / 2);
        for (int i = 0; i < ITEMS; i++) {
            boolean deletedAfterPut = false;
            for (int j = i; j < ITEMS; j++) if (j % 3 == 0 && j / 2 == i) deletedAfterPut = true;
            if (!deletedAfterPut) expected.add("k" + i);
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, presentKeys(ITEMS));
    }

    @Test
    void aDamagedSnapshotRefusesToStart() throws Exception {
        compactionWritesASnapshotDeletesOldLogsAndKeepsEverything();
        Path snapshot = onlyFile("snapshot-*.snap");
        long damaged = recordOffsets(snapshot, DataFile.SNAPSHOT).get(1);
        flipByte(snapshot, damaged + DataFile.FRAME_HEADER_SIZE + 1);
        PersistenceException e = assertThrows(PersistenceException.class, () -> Emulator.builder().dbPath(dir).start());
        assertTrue(e.getMessage().startsWith(snapshot.toAbsolutePath() + " is damaged at offset " + damaged), e.getMessage());
    }

    private long snapshotCount() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".snap")).count();
        }
    }
}
