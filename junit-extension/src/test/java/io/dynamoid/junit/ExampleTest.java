package io.dynamoid.junit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The extension as a project uses it: an annotated test class run by Surefire itself (not through the test kit).
 * Under {@code DYNAMOID_ENDPOINT} this class runs against that endpoint instead, its tables under a namespace.
 */
@DynamoidTest(models = Entries.Coin.class, reset = Reset.EMPTY_TABLES)
class ExampleTest {

    @Test
    void writtenItemIsReadBack(DynamoDbClient client, Ledger ledger) {
        String table = Ledger.tableName(ledger.endpoint(), Entries.Coin.class);
        Tables.put(client, table, "1", "example");

        assertEquals("example", Tables.get(client, table, "1"));
    }

    @Test
    void modelTableIsThereFromTheStart(DynamoDbClient client, Ledger ledger) {
        assertEquals("ACTIVE", client.describeTable(b -> b.tableName(Ledger.tableName(ledger.endpoint(), Entries.Coin.class)))
                .table().tableStatusAsString());
    }

    @Nested
    class WhenNested {
        @Test
        void startsFromEmptyTables(DynamoDbClient client, Ledger ledger) {
            assertNull(Tables.get(client, Ledger.tableName(ledger.endpoint(), Entries.Coin.class), "1"));
        }
    }
}
