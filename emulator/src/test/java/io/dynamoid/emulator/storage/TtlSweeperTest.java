package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.protocol.AttrValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TTL deletion rules (DynamoDB Developer Guide, "Time to Live"): Number of epoch seconds, at most five years old. */
class TtlSweeperTest {
    private static final long NOW_MILLIS = 1_800_000_000_000L;
    private static final long NOW_SECONDS = NOW_MILLIS / 1000;
    private static final long FIVE_YEARS = 5L * 365 * 24 * 60 * 60;

    private Databases databases;
    private Table table;
    private TtlSweeper sweeper;

    @BeforeEach
    void createTableWithTtl() {
        databases = new Databases(true);
        Database database = databases.all().iterator().next();
        KeySchema key = new KeySchema(new KeyElement("pk", "HASH", "S"), null);
        table = new Table(new TableDefinition("ttl", database.tableArn("ttl"), "id", 0, "ACTIVE", key, Map.of("pk", "S"),
                TableDefinition.PAY_PER_REQUEST, 0, Throughput.ON_DEMAND, List.of(), List.of(), false, null, null, null,
                false).withTtlAttribute("expires"));
        database.addIfAbsent(table);
        // Scheduled far in the future: the tests sweep by hand at a fixed time.
        sweeper = TtlSweeper.start(databases, Duration.ofHours(1));
    }

    @AfterEach
    void stopSweeper() {
        sweeper.close();
    }

    private void put(String pk, AttrValue expires) {
        Map<String, AttrValue> attributes = expires == null
                ? Map.of("pk", new AttrValue.S(pk))
                : Map.of("pk", new AttrValue.S(pk), "expires", expires);
        table.commit(table.keyOf(attributes), Item.of(attributes));
    }

    private Item get(String pk) {
        return table.get(table.keyOf(Map.of("pk", new AttrValue.S(pk))));
    }

    @Test
    void deletesItemsWhoseExpiryHasPassed() {
        put("expired", AttrValue.N.of(NOW_SECONDS - 1));
        put("living", AttrValue.N.of(NOW_SECONDS + 60));
        assertEquals(1, sweeper.sweep(NOW_MILLIS));
        assertNull(get("expired"));
        assertNotNull(get("living"));
        assertEquals(1, table.itemCount());
    }

    @Test
    void keepsItemsExpiringExactlyNow() {
        put("now", AttrValue.N.of(NOW_SECONDS));
        assertEquals(0, sweeper.sweep(NOW_MILLIS));
    }

    @Test
    void ignoresExpiriesMoreThanFiveYearsOld() {
        put("ancient", AttrValue.N.of(NOW_SECONDS - FIVE_YEARS - 1));
        put("old", AttrValue.N.of(NOW_SECONDS - FIVE_YEARS));
        assertEquals(1, sweeper.sweep(NOW_MILLIS));
        assertNotNull(get("ancient"));
        assertNull(get("old"));
    }

    @Test
    void ignoresItemsWithoutANumberExpiry() {
        put("missing", null);
        put("string", new AttrValue.S(Long.toString(NOW_SECONDS - 10)));
        assertEquals(0, sweeper.sweep(NOW_MILLIS));
        assertEquals(2, table.itemCount());
    }

    @Test
    void ignoresTablesWithTtlDisabled() {
        put("expired", AttrValue.N.of(NOW_SECONDS - 1));
        table.definition(table.definition().withTtlAttribute(null));
        assertEquals(0, sweeper.sweep(NOW_MILLIS));
        assertNotNull(get("expired"));
    }

    @Test
    void runningEmulatorDeletesExpiredItemsOnceTtlIsEnabled() throws InterruptedException {
        try (Emulator emulator = Emulator.builder().ttlSweepInterval(Duration.ofMillis(50)).start();
             DynamoDbClient client = DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            client.createTable(r -> r.tableName("sessions").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            client.updateTimeToLive(r -> r.tableName("sessions").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            long now = System.currentTimeMillis() / 1000;
            client.putItem(r -> r.tableName("sessions").item(Map.of(
                    "pk", AttributeValue.fromS("old"), "expires", AttributeValue.fromN(Long.toString(now - 10)))));
            client.putItem(r -> r.tableName("sessions").item(Map.of(
                    "pk", AttributeValue.fromS("new"), "expires", AttributeValue.fromN(Long.toString(now + 3600)))));
            long deadline = System.currentTimeMillis() + 5_000;
            while (client.describeTable(r -> r.tableName("sessions")).table().itemCount() > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(client.getItem(r -> r.tableName("sessions").key(Map.of("pk", AttributeValue.fromS("old")))).hasItem());
            assertTrue(client.getItem(r -> r.tableName("sessions").key(Map.of("pk", AttributeValue.fromS("new")))).hasItem());
        }
    }

    @Test
    void closedEmulatorStopsSweeping() throws InterruptedException {
        Emulator emulator = Emulator.builder().sharedDb(true).ttlSweepInterval(Duration.ofMillis(20)).start();
        Database database = emulator.databases().all().iterator().next();
        database.addIfAbsent(table);
        emulator.close();
        put("expired", AttrValue.N.of(System.currentTimeMillis() / 1000 - 10));
        Thread.sleep(200);
        assertNotNull(get("expired"), "no sweep after close");
    }
}
