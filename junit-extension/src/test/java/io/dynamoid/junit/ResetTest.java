package io.dynamoid.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each fixture writes in its first test and looks in its second (methods run in order). */
class ResetTest {

    @Test
    void noneKeepsItemsAndTablesBetweenTests() {
        Kit.assertAllPassed(Kit.run(KeepsEverything.class), 2);
    }

    @Test
    void emptyTablesKeepsTablesButNotItems() {
        Kit.assertAllPassed(Kit.run(EmptiesTables.class), 2);
    }

    @Test
    void dropTablesRemovesTablesAndRecreatesTheModelTables() {
        Kit.assertAllPassed(Kit.run(DropsTables.class), 2);
    }

    @Test
    void dropTablesTellsTheIntegrationBeforeItRecreatesTheModelTables() {
        Kit.assertAllPassed(Kit.run(DropsTables.class), 2);

        assertEquals(List.of("create [Coin]", "drop", "create [Coin]", "drop", "create [Coin]", "close"), DropsTables.ledger.events());
    }

    @Fixture
    @DynamoidTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class KeepsEverything {
        @Test
        @Order(1)
        void write(DynamoDbClient client) {
            Tables.create(client, "raw");
            Tables.put(client, "raw", "1", "kept");
        }

        @Test
        @Order(2)
        void read(DynamoDbClient client) {
            assertEquals("kept", Tables.get(client, "raw", "1"));
        }
    }

    @Fixture
    @DynamoidTest(reset = Reset.EMPTY_TABLES, models = Entries.Coin.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EmptiesTables {
        @Test
        @Order(1)
        void write(DynamoDbClient client) {
            Tables.create(client, "raw");
            Tables.put(client, "raw", "1", "gone");
            Tables.put(client, "coin", "1", "gone");
            assertNotNull(Tables.get(client, "coin", "1"));
        }

        @Test
        @Order(2)
        void read(DynamoDbClient client) {
            assertEquals(List.of("coin", "raw"), Tables.names(client));
            assertNull(Tables.get(client, "raw", "1"));
            assertEquals(0, client.describeTable(b -> b.tableName("coin")).table().itemCount());
        }
    }

    @Fixture
    @DynamoidTest(reset = Reset.DROP_TABLES, models = Entries.Coin.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DropsTables {
        static volatile Ledger ledger;

        @Test
        @Order(1)
        void write(DynamoDbClient client, Ledger injected) {
            ledger = injected;
            Tables.create(client, "raw");
            Tables.put(client, "coin", "1", "gone");
        }

        @Test
        @Order(2)
        void read(DynamoDbClient client) {
            assertEquals(List.of("coin"), Tables.names(client));
            assertEquals(0, client.describeTable(b -> b.tableName("coin")).table().itemCount());
        }
    }
}
