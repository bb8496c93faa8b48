package io.dynamoid.junit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void eachClassGetsItsOwnEmulatorClosedAfterTheClass() {
        EngineExecutionResults results = Kit.run(WritesATable.class, AlsoWritesATable.class);

        Kit.assertAllPassed(results, 2);
        URI first = (URI) seen.get(WritesATable.class.getSimpleName());
        URI second = (URI) seen.get(AlsoWritesATable.class.getSimpleName());
        assertNotEquals(first, second);
        assertRefusesConnections(first);
        assertRefusesConnections(second);
    }

    @Test
    void failingTestIsReportedAsAFailureAndTheEmulatorStillCloses() {
        EngineExecutionResults results = Kit.run(FailsOne.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Throwable failure = Kit.onlyFailure(results);
        assertInstanceOf(AssertionFailedError.class, failure);
        assertEquals("deliberate", failure.getMessage());
        assertRefusesConnections((URI) seen.get(FailsOne.class.getSimpleName()));
    }

    @Test
    void integrationIsCurrentInTestsAndClassLifecycleMethodsThenRestored() {
        EngineExecutionResults results = Kit.run(ChecksCurrent.class);

        Kit.assertAllPassed(results, 1);
        assertSame(seen.get("injected"), seen.get("beforeAll"));
        assertSame(seen.get("injected"), seen.get("test"));
        assertSame(seen.get("injected"), seen.get("afterAll"));
        assertNull(Ledger.current(), "nothing stays current on the launching thread");
    }

    @Test
    void integrationSessionIsClosedAfterTheClassOnce() {
        Kit.assertAllPassed(Kit.run(ChecksCurrent.class), 1);

        Ledger ledger = (Ledger) seen.get("injected");
        assertTrue(ledger.closed());
        assertEquals(List.of("close"), ledger.events());
    }

    private static void assertRefusesConnections(URI endpoint) {
        assertThrows(ConnectException.class, () -> {
            try (Socket ignored = new Socket(endpoint.getHost(), endpoint.getPort())) {
                throw new IOException("still listening: " + endpoint);
            }
        });
    }

    @Fixture
    @DynamoidTest
    static class WritesATable {
        @Test
        void writesAndReads(DynamoDbClient client, URI endpoint) {
            seen.put(getClass().getSimpleName(), endpoint);
            Tables.create(client, "items");
            Tables.put(client, "items", "1", getClass().getSimpleName());
            assertEquals(getClass().getSimpleName(), Tables.get(client, "items", "1"));
        }
    }

    /** The same table name as {@link WritesATable}: created without ResourceInUseException in its own emulator. */
    @Fixture
    @DynamoidTest
    static class AlsoWritesATable {
        @Test
        void writesAndReads(DynamoDbClient client, URI endpoint) {
            seen.put(getClass().getSimpleName(), endpoint);
            Tables.create(client, "items");
            Tables.put(client, "items", "1", getClass().getSimpleName());
            assertEquals(getClass().getSimpleName(), Tables.get(client, "items", "1"));
        }
    }

    @Fixture
    @DynamoidTest
    static class FailsOne {
        @Test
        void passes(URI endpoint) {
            seen.put(getClass().getSimpleName(), endpoint);
        }

        @Test
        void fails() {
            throw new AssertionFailedError("deliberate");
        }
    }

    @Fixture
    @DynamoidTest
    static class ChecksCurrent {
        @BeforeAll
        static void beforeAll(Ledger ledger) {
            seen.put("injected", ledger);
            seen.put("beforeAll", Ledger.current());
        }

        @Test
        void test() {
            seen.put("test", Ledger.current());
        }

        @AfterAll
        static void afterAll() {
            seen.put("afterAll", Ledger.current());
        }
    }

    @Test
    void emulatorIsClosedEvenWhenBeforeAllFails() {
        EngineExecutionResults results = Kit.run(FailsInBeforeAll.class);

        assertEquals("setup broke", Kit.onlyFailure(results).getMessage());
        assertTrue(seen.containsKey("endpoint"));
        assertRefusesConnections((URI) seen.get("endpoint"));
    }

    @Fixture
    @DynamoidTest
    static class FailsInBeforeAll {
        @BeforeAll
        static void breaks(URI endpoint) {
            seen.put("endpoint", endpoint);
            throw new IllegalStateException("setup broke");
        }

        @Test
        void neverRuns() {
        }
    }
}
