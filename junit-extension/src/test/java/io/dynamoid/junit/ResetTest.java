package io.dynamoid.junit;

import io.dynamoid.orm.Dynamoid;
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
    void ormSavesAgainAfterItsTableWasDropped() {
        Kit.assertAllPassed(Kit.run(SavesAfterDrop.class), 2);
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
    @DynamoidTest(reset = Reset.EMPTY_TABLES, models = Thing.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EmptiesTables {
        @Test
        @Order(1)
        void write(DynamoDbClient client) {
            Tables.create(client, "raw");
            Tables.put(client, "raw", "1", "gone");
            Thing thing = Thing.named("gone");
            thing.setId("t1");
            thing.save();
            assertNotNull(Thing.find.byId("t1"));
        }

        @Test
        @Order(2)
        void read(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(List.of(dynamoid.tableName(Thing.class), "raw"), Tables.names(client));
            assertNull(Tables.get(client, "raw", "1"));
            assertEquals(0, client.describeTable(b -> b.tableName(dynamoid.tableName(Thing.class))).table().itemCount());
        }
    }

    @Fixture
    @DynamoidTest(reset = Reset.DROP_TABLES, models = Thing.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DropsTables {
        @Test
        @Order(1)
        void write(DynamoDbClient client) {
            Tables.create(client, "raw");
            Thing thing = Thing.named("gone");
            thing.setId("t1");
            thing.save();
        }

        @Test
        @Order(2)
        void read(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(List.of(dynamoid.tableName(Thing.class)), Tables.names(client));
            assertEquals(0, client.describeTable(b -> b.tableName(dynamoid.tableName(Thing.class))).table().itemCount());
        }
    }

    /** No models declared: the ORM created its table on save, and must create it again after the drop. */
    @Fixture
    @DynamoidTest(reset = Reset.DROP_TABLES)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SavesAfterDrop {
        @Test
        @Order(1)
        void first() {
            Thing.named("one").saveOrThrow();
        }

        @Test
        @Order(2)
        void second(DynamoDbClient client) {
            assertEquals(List.of(), Tables.names(client));
            Thing saved = Thing.named("two").saveOrThrow();
            assertEquals("two", Thing.find.byId(saved.getId()).name);
        }
    }
}
