package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code --sync always}, concurrent writers share fsyncs, and every write returns only once durable. */
class GroupCommitTest {
    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 40;

    @TempDir
    Path dir;

    @Test
    void concurrentWritersShareOneFsyncAndAllTheirWritesAreDurable() throws Exception {
        long syncs;
        try (Persistence persistence = Persistence.open(dir, false, Persistence.Options.DEFAULTS)) {
            Database database = persistence.databases().forRequest("key", "us-east-1");
            Table table = new Table(new TableDefinition("grouped", database.tableArn("grouped"), "grouped-id", 0, "ACTIVE",
                    new KeySchema(new KeyElement("pk", "HASH", "S"), null), Map.of("pk", "S"), TableDefinition.PAY_PER_REQUEST, 0,
                    Throughput.ON_DEMAND, List.of(), List.of(), false, null, null, null, false));
            database.addIfAbsent(table);
            long before = persistence.syncs();
            CyclicBarrier start = new CyclicBarrier(WRITERS);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < WRITES_EACH; i++) {
                        Map<String, AttrValue> attributes = Map.of("pk", new AttrValue.S(writer + "-" + i));
                        ItemKey key = table.keyOf(attributes);
                        table.locked(key, () -> table.commit(key, Item.of(attributes)));
                    }
                }));
            }
            writers.forEach(Thread::start);
            for (Thread t : writers) t.join();
            syncs = persistence.syncs() - before;
        }
        int writes = WRITERS * WRITES_EACH;
        assertTrue(syncs < writes, writes + " writes took " + syncs + " fsyncs: no group commit");
        try (Persistence reopened = Persistence.open(dir, false, Persistence.Options.DEFAULTS)) {
            assertEquals(writes, reopened.databases().forRequest("key", "us-east-1").table("grouped").itemCount());
        }
    }
}
