package io.dynamoid.junit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classes running at the same time (JUnit's parallel execution, 4 threads) each write the same table name, and must
 * read back only their own; each sees its own integration session as the current one. (The ORM's static-style API
 * under parallel classes is tested in dynamoid-orm.)
 */
class ParallelTest {
    static final int CLASSES = 4;
    static final Map<String, URI> endpoints = new ConcurrentHashMap<>();
    static final Map<String, String> threads = new ConcurrentHashMap<>();
    static volatile CountDownLatch allWritten;

    @BeforeEach
    void forget() {
        endpoints.clear();
        threads.clear();
        allWritten = new CountDownLatch(CLASSES);
    }

    @Test
    void parallelClassesEachSeeOnlyTheirOwnEmulator() {
        Kit.assertAllPassed(Kit.run(Kit.parallelClasses(), WriterA.class, WriterB.class, WriterC.class, WriterD.class), 2 * CLASSES);

        assertEquals(CLASSES, new HashSet<>(endpoints.values()).size(), "one emulator per class");
        assertTrue(new HashSet<>(threads.values()).size() > 1, "classes ran on several threads: " + threads);
    }

    @Fixture
    @DynamoidTest(models = Entries.Coin.class)
    abstract static class Writer {
        @Test
        void writesTheSameNamesAsTheOthersAndReadsItsOwn(DynamoDbClient client, Ledger ledger, URI endpoint) throws InterruptedException {
            String me = getClass().getSimpleName();
            endpoints.put(me, endpoint);
            threads.put(me, Thread.currentThread().getName());
            Tables.create(client, "same_name");
            Tables.put(client, "same_name", "1", me);
            Tables.put(client, "coin", "1", me);

            allWritten.countDown();
            assertTrue(allWritten.await(60, TimeUnit.SECONDS), "the classes overlap: all have written before any reads");

            assertEquals(me, Tables.get(client, "same_name", "1"));
            assertEquals(me, Tables.get(client, "coin", "1"));
            assertSame(ledger, Ledger.current());
        }

        @Test
        void currentSessionIsTheClassOwnInEveryTest(Ledger ledger) {
            assertSame(ledger, Ledger.current());
        }
    }

    static class WriterA extends Writer {
    }

    static class WriterB extends Writer {
    }

    static class WriterC extends Writer {
    }

    static class WriterD extends Writer {
    }
}
