package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.dynamoid.emulator.persistence.PersistenceTesting.client;
import static io.dynamoid.emulator.persistence.PersistenceTesting.createTable;
import static io.dynamoid.emulator.persistence.PersistenceTesting.get;
import static io.dynamoid.emulator.persistence.PersistenceTesting.item;
import static io.dynamoid.emulator.persistence.PersistenceTesting.n;
import static io.dynamoid.emulator.persistence.PersistenceTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data written to an emulator with a data directory is there after a restart, through the real SDK. */
class PersistenceTest {
    @TempDir
    Path dir;

    private Emulator start() {
        return Emulator.builder().dbPath(dir).start();
    }

    @Test
    void itemsOfEveryTypeSurviveARestart() {
        Map<String, AttributeValue> rich = item("rich",
                "n", n("-12500.5"), "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{0, -1, 7})),
                "ss", AttributeValue.fromSs(List.of("x", "y")), "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("q"))),
                "m", AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of(s("é€"), AttributeValue.fromNul(true))))),
                "t", AttributeValue.fromBool(true));
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            createTable(client, "things", false);
            client.putItem(b -> b.tableName("things").item(rich));
            client.putItem(b -> b.tableName("things").item(item("gone")));
            client.deleteItem(b -> b.tableName("things").key(Map.of("pk", s("gone"))));
            client.updateItem(b -> b.tableName("things").key(Map.of("pk", s("counter")))
                    .updateExpression("ADD c :one").expressionAttributeValues(Map.of(":one", n("1"))));
            client.updateItem(b -> b.tableName("things").key(Map.of("pk", s("counter")))
                    .updateExpression("ADD c :one").expressionAttributeValues(Map.of(":one", n("1"))));
        }
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            assertEquals(rich, get(client, "things", "rich"));
            assertNull(get(client, "things", "gone"));
            assertEquals(n("2"), get(client, "things", "counter").get("c"));
            TableDescription table = client.describeTable(b -> b.tableName("things")).table();
            assertEquals(2L, table.itemCount());
        }
    }

    @Test
    void tableDefinitionsAndTheirChangesSurviveARestart() {
        TableDescription before;
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            createTable(client, "defined", true);
            client.updateTable(b -> b.tableName("defined").billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(7L).writeCapacityUnits(3L).build()));
            client.updateTable(b -> b.tableName("defined").deletionProtectionEnabled(true));
            before = client.describeTable(b -> b.tableName("defined")).table();
        }
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            TableDescription after = client.describeTable(b -> b.tableName("defined")).table();
            assertEquals(before, after);
            assertEquals(7L, after.provisionedThroughput().readCapacityUnits());
            assertTrue(after.deletionProtectionEnabled());
        }
    }

    @Test
    void aGlobalIndexAddedAfterItsItemsAnswersQueriesAfterARestart() {
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            createTable(client, "indexed", false);
            for (int i = 0; i < 10; i++) {
                int id = i;
                client.putItem(b -> b.tableName("indexed").item(item("i" + id, "color", s(id % 2 == 0 ? "red" : "blue"))));
            }
            client.updateTable(b -> b.tableName("indexed")
                    .attributeDefinitions(PersistenceTesting.attribute("color", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byColor")
                            .keySchema(k -> k.attributeName("color").keyType("HASH"))
                            .projection(p -> p.projectionType("ALL")))));
            client.putItem(b -> b.tableName("indexed").item(item("late", "color", s("red"))));
        }
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            int red = client.query(b -> b.tableName("indexed").indexName("byColor").keyConditionExpression("color = :c")
                    .expressionAttributeValues(Map.of(":c", s("red")))).count();
            assertEquals(6, red);
        }
    }

    @Test
    void aDeletedTableStaysDeletedAndANewOneOfTheSameNameStartsEmpty() {
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            createTable(client, "reborn", false);
            client.putItem(b -> b.tableName("reborn").item(item("old")));
            createTable(client, "dropped", false);
            client.deleteTable(b -> b.tableName("dropped"));
            client.deleteTable(b -> b.tableName("reborn"));
            createTable(client, "reborn", false);
            client.putItem(b -> b.tableName("reborn").item(item("new")));
        }
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            assertEquals(List.of("reborn"), client.listTables().tableNames());
            assertNull(get(client, "reborn", "old"));
            assertEquals(item("new"), get(client, "reborn", "new"));
            assertThrows(ResourceNotFoundException.class, () -> client.describeTable(b -> b.tableName("dropped")));
        }
    }

    @Test
    void eachAccessKeyAndRegionKeepsItsOwnTablesAcrossARestart() {
        try (Emulator emulator = start();
             DynamoDbClient alice = client(emulator.endpoint(), "alice", "us-east-1");
             DynamoDbClient bob = client(emulator.endpoint(), "bob", "us-east-1");
             DynamoDbClient aliceWest = client(emulator.endpoint(), "alice", "eu-west-1")) {
            for (DynamoDbClient c : List.of(alice, bob, aliceWest)) createTable(c, "mine", false);
            alice.putItem(b -> b.tableName("mine").item(item("k", "owner", s("alice"))));
            bob.putItem(b -> b.tableName("mine").item(item("k", "owner", s("bob"))));
            aliceWest.putItem(b -> b.tableName("mine").item(item("k", "owner", s("alice-west"))));
        }
        try (Emulator emulator = start();
             DynamoDbClient alice = client(emulator.endpoint(), "alice", "us-east-1");
             DynamoDbClient bob = client(emulator.endpoint(), "bob", "us-east-1");
             DynamoDbClient aliceWest = client(emulator.endpoint(), "alice", "eu-west-1");
             DynamoDbClient carol = client(emulator.endpoint(), "carol", "us-east-1")) {
            assertEquals(s("alice"), get(alice, "mine", "k").get("owner"));
            assertEquals(s("bob"), get(bob, "mine", "k").get("owner"));
            assertEquals(s("alice-west"), get(aliceWest, "mine", "k").get("owner"));
            assertEquals(List.of(), carol.listTables().tableNames());
        }
    }

    @Test
    void theSharedDatabaseIsKeptApartFromThePerKeyDatabases() {
        try (Emulator emulator = Emulator.builder().dbPath(dir).sharedDb(true).start();
             DynamoDbClient alice = client(emulator.endpoint(), "alice", "us-east-1")) {
            createTable(alice, "common", false);
        }
        try (Emulator emulator = Emulator.builder().dbPath(dir).sharedDb(true).start();
             DynamoDbClient bob = client(emulator.endpoint(), "bob", "eu-west-1")) {
            assertEquals(List.of("common"), bob.listTables().tableNames());
        }
        try (Emulator emulator = start(); DynamoDbClient alice = client(emulator.endpoint(), "alice", "us-east-1")) {
            assertEquals(List.of(), alice.listTables().tableNames());
        }
    }

    @Test
    void hostileAccessKeysRegionsAndTableNamesStayInsideTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        String[] keys = {"..", ".", "..\\..", "%2e%2e", "CON"};
        try (Emulator emulator = Emulator.builder().dbPath(data).start()) {
            for (String key : keys) {
                try (DynamoDbClient c = client(emulator.endpoint(), key, "..")) {
                    createTable(c, "...", false);
                    c.putItem(b -> b.tableName("...").item(item("k", "key", s(key))));
                }
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(p -> !p.equals(dir)).toList()) {
                assertTrue(p.startsWith(data), "outside the data directory: " + p);
                Path relative = data.relativize(p);
                if (!p.equals(data) && Files.isDirectory(p)) {
                    assertTrue(relative.toString().matches("db-[0-9a-f]{32}"), "unexpected directory " + relative);
                }
            }
        }
        try (Emulator emulator = Emulator.builder().dbPath(data).start()) {
            for (String key : keys) {
                try (DynamoDbClient c = client(emulator.endpoint(), key, "..")) {
                    assertEquals(s(key), get(c, "...", "k").get("key"));
                }
            }
        }
    }

    @Test
    void directoryNamesAreHashesWhateverTheKeyAndRegion() {
        for (String hostile : List.of("../x", "..", "/etc/passwd", "a/../../b", "\u0000", "x".repeat(10_000))) {
            assertTrue(Persistence.directoryName(hostile, hostile).matches("db-[0-9a-f]{32}"), hostile);
        }
        assertFalse(Persistence.directoryName("abc", "us-east-1").equals(Persistence.directoryName("ABC", "us-east-1")));
        assertEquals("shared", Persistence.directoryName(null, null));
    }

    @Test
    void aSecondEmulatorOnTheSameDirectoryIsRefused() {
        try (Emulator first = start()) {
            PersistenceException e = assertThrows(PersistenceException.class, this::start);
            assertTrue(e.getMessage().contains("is in use by another Dynamoid emulator"), e.getMessage());
            assertTrue(e.getMessage().contains(dir.resolve("dynamoid.lock").toAbsolutePath().toString()), e.getMessage());
        }
        try (Emulator again = start()) {
            assertEquals(dir.toAbsolutePath().normalize(), again.dbPath());
        }
    }

    @Test
    void batchSyncKeepsEverythingAcrossACleanClose() {
        try (Emulator emulator = Emulator.builder().dbPath(dir).sync(SyncMode.BATCH).syncIntervalMillis(50).start();
             DynamoDbClient client = client(emulator)) {
            createTable(client, "batched", false);
            for (int i = 0; i < 50; i++) {
                int id = i;
                client.putItem(b -> b.tableName("batched").item(item("k" + id)));
            }
        }
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            assertEquals(50L, client.describeTable(b -> b.tableName("batched")).table().itemCount());
        }
    }

    @Test
    void readsAloneLeaveNoFilesBehind() throws Exception {
        try (Emulator emulator = start(); DynamoDbClient client = client(emulator)) {
            client.listTables();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("dynamoid.lock")), files.toList());
        }
    }
}
