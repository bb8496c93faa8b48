package io.dynamoid.orm.internal.junit;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.junit.DynamoidTest;
import io.dynamoid.junit.Fixture;
import io.dynamoid.junit.Kit;
import io.dynamoid.junit.Reset;
import io.dynamoid.junit.Tables;
import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ORM on an external endpoint (a second emulator started here stands in for DynamoDB or dynalite). */
class OrmEndpointOverrideTest {
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

    private static EngineExecutionResults runAgainstEndpoint(Map<String, String> more, Class<?>... fixtures) {
        Map<String, String> configuration = new HashMap<>(more);
        configuration.put(Kit.ENDPOINT, elsewhere.endpoint().toString());
        return Kit.run(configuration, fixtures);
    }

    @Test
    void ormUsesTheEndpointWithTheClassNamespaceAndItsTablesAreDeletedAfterTheClass() {
        Kit.assertAllPassed(runAgainstEndpoint(Map.of(), UsesTheEndpoint.class), 1);

        assertEquals(elsewhere.endpoint(), seen.get("endpoint"));
        String namespace = (String) seen.get("namespace");
        assertTrue(namespace.matches("dynamoid_[0-9a-f]{10}"), namespace);
        assertEquals(List.of(namespace + "_things"), seen.get("tables during the test"));
        assertEquals(List.of(), Tables.names(elsewhereClient));
    }

    @Test
    void classesOnTheSameEndpointDoNotSeeEachOthersRecords() {
        Kit.assertAllPassed(runAgainstEndpoint(Kit.parallelClasses(), SavesItsName.class, AlsoSavesItsName.class), 2);

        assertNotEquals(seen.get(SavesItsName.class.getSimpleName()), seen.get(AlsoSavesItsName.class.getSimpleName()));
    }

    @Test
    void dropTablesTouchesOnlyTheClassNamespaceAndTheOrmSavesAgain() {
        Tables.create(elsewhereClient, "another_application");

        Kit.assertAllPassed(runAgainstEndpoint(Map.of(), DropsBetweenMethods.class), 2);

        assertEquals(List.of("another_application"), Tables.names(elsewhereClient));
    }

    @Fixture
    @DynamoidTest(models = Thing.class)
    static class UsesTheEndpoint {
        @Test
        void test(URI endpoint, Dynamoid dynamoid, DynamoDbClient client) {
            seen.put("endpoint", endpoint);
            seen.put("namespace", dynamoid.config().namespace());
            seen.put("tables during the test", Tables.names(client));
            assertEquals(endpoint, dynamoid.endpoint());
            assertEquals(DynamoidConfig.Adapter.LOCAL, dynamoid.config().adapter(), "an emulator: LOCAL's keys");
            Thing saved = Thing.named("remote").saveOrThrow();
            assertEquals("remote", Thing.find.byId(saved.getId()).name);
        }
    }

    abstract static class SavesTheSameId {
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
    static class SavesItsName extends SavesTheSameId {
    }

    @Fixture
    @DynamoidTest(models = Thing.class)
    static class AlsoSavesItsName extends SavesTheSameId {
    }

    @Fixture
    @DynamoidTest(reset = Reset.DROP_TABLES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DropsBetweenMethods {
        @Test
        @Order(1)
        void write(DynamoDbClient client, Dynamoid dynamoid) {
            Thing.named("one").save();
            Tables.create(client, dynamoid.config().namespace() + "_raw");
        }

        @Test
        @Order(2)
        void onlyOtherApplicationsTablesAreLeft(DynamoDbClient client) {
            assertEquals(List.of("another_application"), Tables.names(client));
            Thing saved = Thing.named("two").saveOrThrow();
            assertEquals("two", Thing.find.byId(saved.getId()).name);
        }
    }
}
