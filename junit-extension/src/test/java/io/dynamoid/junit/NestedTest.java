package io.dynamoid.junit;

import io.dynamoid.orm.Dynamoid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NestedTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void nestedClassesShareTheOuterClassEmulatorAndOrm() {
        Kit.assertAllPassed(Kit.run(Outer.class), 3);

        assertEquals(seen.get("outer"), seen.get("inner"));
        assertEquals(seen.get("outer"), seen.get("innermost"));
        assertSame(seen.get("outer dynamoid"), seen.get("inner dynamoid"));
    }

    @Test
    void nestedClassAddsTheTablesOfItsOwnModels() {
        Kit.assertAllPassed(Kit.run(OuterWithModels.class), 2);
    }

    @Test
    void nestedClassOfAnUnannotatedClassGetsItsOwnEmulator() {
        Kit.assertAllPassed(Kit.run(PlainOuter.class), 2);

        assertNotEquals(seen.get("first"), seen.get("second"));
    }

    @Fixture
    @DynamoidTest
    static class Outer {
        @BeforeAll
        static void createTable(DynamoDbClient client) {
            Tables.create(client, "shared");
        }

        @Test
        void outer(URI endpoint, Dynamoid dynamoid) {
            seen.put("outer", endpoint);
            seen.put("outer dynamoid", dynamoid);
        }

        @Nested
        class Inner {
            @Test
            void inner(URI endpoint, Dynamoid dynamoid, DynamoDbClient client) {
                seen.put("inner", endpoint);
                seen.put("inner dynamoid", dynamoid);
                assertSame(dynamoid, Dynamoid.current());
                assertTrue(Tables.names(client).contains("shared"), "table made by the outer class");
            }

            @Nested
            class Innermost {
                @Test
                void innermost(URI endpoint) {
                    seen.put("innermost", endpoint);
                }
            }
        }
    }

    @Fixture
    @DynamoidTest(models = Thing.class)
    static class OuterWithModels {
        @Test
        void outerModelTable(DynamoDbClient client, Dynamoid dynamoid) {
            assertTrue(Tables.names(client).contains(dynamoid.tableName(Thing.class)));
        }

        @Nested
        @DynamoidTest(models = Gadget.class)
        class WithMoreModels {
            @Test
            void bothTables(DynamoDbClient client, Dynamoid dynamoid) {
                assertEquals(java.util.List.of(dynamoid.tableName(Gadget.class), dynamoid.tableName(Thing.class)),
                        Tables.names(client));
            }
        }
    }

    @Fixture
    static class PlainOuter {
        @Nested
        @DynamoidTest
        class First {
            @Test
            void test(URI endpoint) {
                seen.put("first", endpoint);
            }
        }

        @Nested
        @DynamoidTest
        class Second {
            @Test
            void test(URI endpoint) {
                seen.put("second", endpoint);
            }
        }
    }
}
