package io.dynamoid.junit;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.orm.Dynamoid;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second emulator started here stands in for "another endpoint" (DynamoDB, DynamoDB Local, dynalite). */
class EndpointOverrideTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();
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
        configuration.put("dynamoid.endpoint", elsewhere.endpoint().toString());
        return Kit.run(configuration, fixtures);
    }

    @Test
    void testsRunAgainstTheEndpointWithTheirModelTablesInAUniqueNamespace() {
        Kit.assertAllPassed(runAgainstEndpoint(UsesTheEndpoint.class), 1);

        assertEquals(elsewhere.endpoint(), seen.get("endpoint"));
        String namespace = (String) seen.get("namespace");
        assertTrue(namespace.matches("dynamoid_[0-9a-f]{10}"), namespace);
        assertEquals(List.of(namespace + "_things"), seen.get("tables during the test"));
    }

    @Test
    void namespaceTablesAreDeletedAfterTheClass() {
        Kit.assertAllPassed(runAgainstEndpoint(UsesTheEndpoint.class), 1);

        assertEquals(List.of(), Tables.names(elsewhereClient));
    }

    @Test
    void classesOnTheSameEndpointDoNotSeeEachOther() {
        Kit.assertAllPassed(runAgainstEndpoint(Kit.parallelClasses(), SavesItsName.class, AlsoSavesItsName.class), 2);

        assertNotEquals(seen.get(SavesItsName.class.getSimpleName()), seen.get(AlsoSavesItsName.class.getSimpleName()));
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
    @DynamoidTest(models = Thing.class)
    static class UsesTheEndpoint {
        @Test
        void test(URI endpoint, Dynamoid dynamoid, DynamoDbClient client) {
            seen.put("endpoint", endpoint);
            seen.put("namespace", dynamoid.config().namespace());
            seen.put("tables during the test", Tables.names(client));
            Thing saved = Thing.named("remote").saveOrThrow();
            assertEquals("remote", Thing.find.byId(saved.getId()).name);
        }
    }

    @Fixture
    @DynamoidTest(models = Thing.class)
    static class SavesItsName {
        @Test
        void test(Dynamoid dynamoid) {
            seen.put(getClass().getSimpleName(), dynamoid.config().namespace());
            Thing thing = Thing.named(getClass().getSimpleName());
            thing.setId("same-id");
            thing.save();
            assertEquals(getClass().getSimpleName(), Thing.find.byId("same-id").name);
        }
    }

    @Fixture
    @DynamoidTest(models = Thing.class)
    static class AlsoSavesItsName {
        @Test
        void test(Dynamoid dynamoid) {
            seen.put(getClass().getSimpleName(), dynamoid.config().namespace());
            Thing thing = Thing.named(getClass().getSimpleName());
            thing.setId("same-id");
            thing.save();
            assertEquals(getClass().getSimpleName(), Thing.find.byId("same-id").name);
        }
    }

    @Fixture
    @DynamoidTest
    static class AsksForTheEmulator {
        @Test
        void test(Emulator emulator) {
        }
    }

    @Fixture
    @DynamoidTest(models = Thing.class, reset = Reset.DROP_TABLES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DropsBetweenMethods {
        @Test
        @Order(1)
        void write(DynamoDbClient client, Dynamoid dynamoid) {
            Tables.create(client, dynamoid.config().namespace() + "_raw");
        }

        @Test
        @Order(2)
        void onlyModelTablesAreBack(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(List.of("another_application", dynamoid.tableName(Thing.class)), Tables.names(client));
        }
    }

    @Fixture
    @DynamoidTest(models = Thing.class, reset = Reset.EMPTY_TABLES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EmptiesBetweenMethods {
        @Test
        @Order(1)
        void write() {
            Thing.named("gone").saveOrThrow();
        }

        @Test
        @Order(2)
        void emptied(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(0, client.describeTable(b -> b.tableName(dynamoid.tableName(Thing.class))).table().itemCount());
        }
    }
}
