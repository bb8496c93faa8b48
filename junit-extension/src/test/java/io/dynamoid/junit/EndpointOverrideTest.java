package io.dynamoid.junit;

import io.dynamoid.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second emulator started here stands in for "another endpoint" (DynamoDB, DynamoDB Local, dynalite). */
class EndpointOverrideTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();
    static volatile CountDownLatch bothWritten;
    private static Emulator elsewhere;
    private static DynamoDbClient elsewhereClient;

    @BeforeAll
    static void startTheOtherEndpoint() {
        elsewhere = Emulator.builder().sharedDb(true).start();
        elsewhereClient = DynamoDbClient.builder().endpointOverride(elsewhere.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stopIt() {
        elsewhereClient.close();
        elsewhere.close();
    }

    @BeforeEach
    void forget() {
        seen.clear();
        Tables.names(elsewhereClient).forEach(t -> elsewhereClient.deleteTable(b -> b.tableName(t)));
    }

    private static EngineExecutionResults runAgainstEndpoint(Class<?>... fixtures) {
        return runAgainstEndpoint(Map.of(), fixtures);
    }

    private static EngineExecutionResults runAgainstEndpoint(Map<String, String> more, Class<?>... fixtures) {
        Map<String, String> configuration = new HashMap<>(more);
        configuration.put(Kit.ENDPOINT, elsewhere.endpoint().toString());
        return Kit.run(configuration, fixtures);
    }

    @Test
    void testsRunAgainstTheEndpointWithTheirModelTablesInAUniqueNamespace() {
        Kit.assertAllPassed(runAgainstEndpoint(UsesTheEndpoint.class), 1);

        assertEquals(elsewhere.endpoint(), seen.get("endpoint"));
        String namespace = (String) seen.get("namespace");
        assertTrue(namespace.matches("dynamoid_[0-9a-f]{10}"), namespace);
        assertEquals(List.of(namespace + "_coin"), seen.get("tables during the test"));
    }

    @Test
    void namespaceTablesAreDeletedAfterTheClass() {
        Kit.assertAllPassed(runAgainstEndpoint(UsesTheEndpoint.class), 1);

        assertEquals(List.of(), Tables.names(elsewhereClient));
    }

    @Test
    void classesOnTheSameEndpointDoNotSeeEachOther() {
        bothWritten = new CountDownLatch(2);
        Kit.assertAllPassed(runAgainstEndpoint(Kit.parallelClasses(), SavesFirst.class, SavesSecond.class), 2);

        assertNotEquals(seen.get(SavesFirst.class.getSimpleName()), seen.get(SavesSecond.class.getSimpleName()));
        assertEquals(List.of(), Tables.names(elsewhereClient), "both namespaces deleted");
    }

    @Test
    void emulatorInjectionFailsNamingTheEndpoint() {
        Throwable failure = Kit.onlyFailure(runAgainstEndpoint(AsksForTheEmulator.class));

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertEquals("Cannot inject the Emulator into parameter [io.dynamoid.emulator.Emulator emulator] of void"
                + " io.dynamoid.junit.EndpointOverrideTest$AsksForTheEmulator.test(io.dynamoid.emulator.Emulator): the tests"
                + " run against " + elsewhere.endpoint() + " (from the dynamoid.endpoint system property / configuration"
                + " parameter), so no emulator was started. Inject the endpoint URI or a client instead, or unset"
                + " dynamoid.endpoint / DYNAMOID_ENDPOINT.", failure.getMessage());
    }

    @Test
    void dropTablesTouchesOnlyTheClassNamespace() {
        Tables.create(elsewhereClient, "another_application");

        Kit.assertAllPassed(runAgainstEndpoint(DropsBetweenMethods.class), 2);

        assertEquals(List.of("another_application"), Tables.names(elsewhereClient));
    }

    @Test
    void emptyTablesEmptiesTheNamespaceTablesThroughTheApi() {
        Tables.create(elsewhereClient, "another_application");
        Tables.put(elsewhereClient, "another_application", "1", "kept");

        Kit.assertAllPassed(runAgainstEndpoint(EmptiesBetweenMethods.class), 2);

        assertEquals("kept", Tables.get(elsewhereClient, "another_application", "1"));
    }

    @Fixture
    @DynamoidTest(models = Entries.Coin.class)
    static class UsesTheEndpoint {
        @Test
        void test(URI endpoint, Ledger ledger, DynamoDbClient client) {
            seen.put("endpoint", endpoint);
            seen.put("namespace", ledger.endpoint().namespace());
            seen.put("tables during the test", Tables.names(client));
            assertEquals(endpoint, ledger.endpoint().uri());
            assertFalse(ledger.endpoint().embedded());
        }
    }

    /** Writes its name into the table "{namespace}_same" and reads it back after the other class wrote its own. */
    abstract static class SavesItsName {
        @Test
        void test(Ledger ledger, DynamoDbClient client) throws InterruptedException {
            String me = getClass().getSimpleName();
            String table = ledger.endpoint().tablePrefix() + "same";
            seen.put(me, ledger.endpoint().namespace());
            Tables.create(client, table);
            Tables.put(client, table, "1", me);
            bothWritten.countDown();
            assertTrue(bothWritten.await(60, TimeUnit.SECONDS), "the classes overlap");
            assertEquals(me, Tables.get(client, table, "1"));
        }
    }

    @Fixture
    @DynamoidTest
    static class SavesFirst extends SavesItsName {
    }

    @Fixture
    @DynamoidTest
    static class SavesSecond extends SavesItsName {
    }

    @Fixture
    @DynamoidTest
    static class AsksForTheEmulator {
        @Test
        void test(Emulator emulator) {
        }
    }

    @Fixture
    @DynamoidTest(models = Entries.Coin.class, reset = Reset.DROP_TABLES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DropsBetweenMethods {
        @Test
        @Order(1)
        void write(DynamoDbClient client, Ledger ledger) {
            Tables.create(client, ledger.endpoint().tablePrefix() + "raw");
        }

        @Test
        @Order(2)
        void onlyModelTablesAreBack(DynamoDbClient client, Ledger ledger) {
            assertEquals(List.of("another_application", Ledger.tableName(ledger.endpoint(), Entries.Coin.class)), Tables.names(client));
        }
    }

    @Fixture
    @DynamoidTest(models = Entries.Coin.class, reset = Reset.EMPTY_TABLES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EmptiesBetweenMethods {
        @Test
        @Order(1)
        void write(DynamoDbClient client, Ledger ledger) {
            Tables.put(client, Ledger.tableName(ledger.endpoint(), Entries.Coin.class), "1", "gone");
        }

        @Test
        @Order(2)
        void emptied(DynamoDbClient client, Ledger ledger) {
            assertNull(Tables.get(client, Ledger.tableName(ledger.endpoint(), Entries.Coin.class), "1"));
        }
    }
}
