package io.dynamoid.junit;

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
    void nestedClassesShareTheOuterClassEmulatorAndIntegrationSession() {
        Kit.assertAllPassed(Kit.run(Outer.class), 3);

        assertEquals(seen.get("outer"), seen.get("inner"));
        assertEquals(seen.get("outer"), seen.get("innermost"));
        assertSame(seen.get("outer ledger"), seen.get("inner ledger"));
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
        void outer(URI endpoint, Ledger ledger) {
            seen.put("outer", endpoint);
            seen.put("outer ledger", ledger);
        }

        @Nested
        class Inner {
            @Test
            void inner(URI endpoint, Ledger ledger, DynamoDbClient client) {
                seen.put("inner", endpoint);
                seen.put("inner ledger", ledger);
                assertSame(ledger, Ledger.current());
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
    @DynamoidTest(models = Entries.Coin.class)
    static class OuterWithModels {
        @Test
        void outerModelTable(DynamoDbClient client) {
            assertEquals(java.util.List.of("coin"), Tables.names(client));
        }

        @Nested
        @DynamoidTest(models = Entries.Note.class)
        class WithMoreModels {
            @Test
            void bothTables(DynamoDbClient client) {
                assertEquals(java.util.List.of("coin", "note"), Tables.names(client));
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
