package io.dynamoid.orm.internal.junit;

import io.dynamoid.junit.DynamoidTest;
import io.dynamoid.junit.Fixture;
import io.dynamoid.junit.Kit;
import io.dynamoid.orm.Dynamoid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * Classes running at the same time (JUnit's parallel execution, 4 threads) each save the same ORM id through the
 * static-style API, and must read back only their own: each class's Dynamoid is current on its own threads.
 */
class OrmParallelTest {
    static final int CLASSES = 4;
    static final Map<String, URI> endpoints = new ConcurrentHashMap<>();
    static volatile CountDownLatch allWritten;

    @BeforeEach
    void forget() {
        endpoints.clear();
        allWritten = new CountDownLatch(CLASSES);
    }

    @Test
    void parallelClassesEachReachTheirOwnEmulatorThroughTheStaticApi() {
        Kit.assertAllPassed(Kit.run(Kit.parallelClasses(), WriterA.class, WriterB.class, WriterC.class, WriterD.class), 2 * CLASSES);

        assertEquals(CLASSES, new HashSet<>(endpoints.values()).size(), "one emulator per class");
    }

    @Fixture
    @DynamoidTest(models = Thing.class)
    abstract static class Writer {
        @Test
        void savesTheSameIdAsTheOthersAndReadsItsOwn(Dynamoid dynamoid, URI endpoint) throws InterruptedException {
            String me = getClass().getSimpleName();
            endpoints.put(me, endpoint);
            Thing thing = Thing.named(me);
            thing.setId("same-id");
            thing.save();

            allWritten.countDown();
            assertTrue(allWritten.await(60, TimeUnit.SECONDS), "the classes overlap: all have written before any reads");

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
