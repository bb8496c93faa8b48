package io.dynamoid.junit;

import io.dynamoid.orm.Dynamoid;
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
 * Classes running at the same time (JUnit's parallel execution, 4 threads) each write the same table name and the
 * same ORM id, through the SDK and through the ORM's static-style API, and must read back only their own.
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
    @DynamoidTest(models = Thing.class)
    abstract static class Writer {
        @Test
        void writesTheSameNamesAsTheOthersAndReadsItsOwn(DynamoDbClient client, Dynamoid dynamoid, URI endpoint) throws InterruptedException {
            String me = getClass().getSimpleName();
            endpoints.put(me, endpoint);
            threads.put(me, Thread.currentThread().getName());
            Tables.create(client, "same_name");
            Tables.put(client, "same_name", "1", me);
            Thing thing = Thing.named(me);
            thing.setId("same-id");
            thing.save();

            allWritten.countDown();
            assertTrue(allWritten.await(60, TimeUnit.SECONDS), "the classes overlap: all have written before any reads");

            assertEquals(me, Tables.get(client, "same_name", "1"));
            assertEquals(me, Thing.find.byId("same-id").name);
            assertSame(dynamoid, Dynamoid.current());
        }

        @Test
        void currentInstanceIsTheClassOwnInEveryTest(Dynamoid dynamoid) {
            assertSame(dynamoid, Dynamoid.current());
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
