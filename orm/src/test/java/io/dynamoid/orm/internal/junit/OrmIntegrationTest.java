package io.dynamoid.orm.internal.junit;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.junit.DynamoidExtension;
import io.dynamoid.junit.DynamoidResource;
import io.dynamoid.junit.DynamoidTest;
import io.dynamoid.junit.Fixture;
import io.dynamoid.junit.Kit;
import io.dynamoid.junit.Reset;
import io.dynamoid.junit.Tables;
import io.dynamoid.orm.ConfigurationException;
import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ORM through {@code @DynamoidTest}'s SPI (OrmIntegration): injection, current instance, models, settings, resets. */
class OrmIntegrationTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void injectsTheClassDynamoidOnItsEmulatorIntoParametersFieldsAndConstructors() {
        Kit.assertAllPassed(Kit.run(TakesDynamoid.class, PerClassInstance.class), 2);
    }

    @Test
    void sameDynamoidForEveryTestOfAClassAndForItsNestedClasses() {
        Kit.assertAllPassed(Kit.run(Outer.class), 2);

        assertSame(seen.get("outer"), seen.get("inner"));
    }

    @Test
    void classDynamoidIsCurrentInTestsAndClassLifecycleMethodsThenRestored() {
        Kit.assertAllPassed(Kit.run(ChecksCurrent.class), 1);

        assertSame(seen.get("injected"), seen.get("beforeAll"));
        assertSame(seen.get("injected"), seen.get("test"));
        assertSame(seen.get("injected"), seen.get("afterAll"));
        assertThrows(ConfigurationException.class, Dynamoid::current, "nothing stays current on the launching thread");
    }

    @Test
    void tablesOfDeclaredModelsExistBeforeTheFirstTest() {
        Kit.assertAllPassed(Kit.run(DeclaresModels.class), 2);
    }

    @Test
    void registeredExtensionConfiguresTheOrm() {
        Kit.assertAllPassed(Kit.run(Registered.class), 2);
    }

    @Test
    void emptyTablesEmptiesModelTables() {
        Kit.assertAllPassed(Kit.run(EmptiesTables.class), 2);
    }

    @Test
    void dropTablesRecreatesTheDeclaredModelTables() {
        Kit.assertAllPassed(Kit.run(DropsTables.class), 2);
    }

    @Test
    void ormSavesAgainAfterItsTableWasDropped() {
        Kit.assertAllPassed(Kit.run(SavesAfterDrop.class), 2);
    }

    @Fixture
    @DynamoidTest
    static class TakesDynamoid {
        @DynamoidResource
        static Dynamoid inStaticField;
        @DynamoidResource
        private Dynamoid inField;

        @Test
        void test(Dynamoid dynamoid, URI endpoint, Emulator emulator, DynamoDbClient client) {
            assertSame(dynamoid, inStaticField);
            assertSame(dynamoid, inField);
            assertEquals(endpoint, dynamoid.endpoint());
            assertEquals(emulator.endpoint(), dynamoid.endpoint());
            assertEquals(DynamoidConfig.Adapter.LOCAL, dynamoid.config().adapter());
            assertEquals("dynamoid", dynamoid.config().namespace(), "the ORM's own default: the emulator is the class's");
            assertSame(dynamoid.client(), client, "the ORM's client: what the ORM writes is what the test reads");
        }
    }

    @Fixture
    @DynamoidTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {
        private final Dynamoid fromConstructor;

        PerClassInstance(Dynamoid dynamoid) {
            this.fromConstructor = dynamoid;
        }

        @Test
        void test(Dynamoid dynamoid) {
            assertSame(dynamoid, fromConstructor);
            assertSame(dynamoid, Dynamoid.current());
        }
    }

    @Fixture
    @DynamoidTest
    static class Outer {
        @Test
        void outer(Dynamoid dynamoid) {
            seen.put("outer", dynamoid);
        }

        @Nested
        class Inner {
            @Test
            void inner(Dynamoid dynamoid) {
                seen.put("inner", dynamoid);
                assertSame(dynamoid, Dynamoid.current());
            }
        }
    }

    @Fixture
    @DynamoidTest
    static class ChecksCurrent {
        @BeforeAll
        static void beforeAll(Dynamoid dynamoid) {
            seen.put("injected", dynamoid);
            seen.put("beforeAll", Dynamoid.current());
        }

        @Test
        void test() {
            seen.put("test", Dynamoid.current());
        }

        @AfterAll
        static void afterAll() {
            seen.put("afterAll", Dynamoid.current());
        }
    }

    @Fixture
    @DynamoidTest(models = {Thing.class, Gadget.class})
    static class DeclaresModels {
        @Test
        void tablesExist(DynamoDbClient client) {
            assertEquals(List.of("dynamoid_gadgets", "dynamoid_things"), Tables.names(client));
        }

        @Test
        void staticStyleApiReachesTheClassEmulator(DynamoDbClient client, Dynamoid dynamoid) {
            Thing saved = Thing.named("widget").saveOrThrow();

            assertEquals("widget", Thing.find.byId(saved.getId()).name);
            assertEquals(1, client.describeTable(b -> b.tableName(dynamoid.tableName(Thing.class))).table().itemCount());
        }
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Registered {
        @RegisterExtension
        static final DynamoidExtension dynamo = DynamoidExtension.builder()
                .models(Thing.class)
                .reset(Reset.EMPTY_TABLES)
                .configure(DynamoidConfig.Builder.class, c -> c.timestamps(false))
                .configure(DynamoidConfig.Builder.class, c -> c.namespace("app"))
                .build();

        @Test
        @Order(1)
        void write(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(List.of("app_things"), Tables.names(client));
            assertFalse(dynamoid.config().timestamps());
            Thing thing = Thing.named("first").saveOrThrow();
            assertNull(thing.getCreatedAt(), "timestamps are off");
        }

        @Test
        @Order(2)
        void emptiedBeforeThisTest(DynamoDbClient client) {
            assertEquals(0, client.describeTable(b -> b.tableName("app_things")).table().itemCount());
        }
    }

    @Fixture
    @DynamoidTest(reset = Reset.EMPTY_TABLES, models = Thing.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EmptiesTables {
        @Test
        @Order(1)
        void write() {
            Thing thing = Thing.named("gone");
            thing.setId("t1");
            thing.save();
            assertNotNull(Thing.find.byId("t1"));
        }

        @Test
        @Order(2)
        void read(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(List.of(dynamoid.tableName(Thing.class)), Tables.names(client));
            assertFalse(Thing.find.findById("t1").isPresent());
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
            Thing.named("one").save();
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
