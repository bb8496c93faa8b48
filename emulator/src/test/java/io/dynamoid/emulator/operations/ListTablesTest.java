package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ListTables; messages pinned by dynalite's test/listTables.js. Uses its own access key, so it sees only its tables. */
class ListTablesTest extends TableTestSupport {
    private static final String OP = "ListTables";
    private static final List<String> NAMES = List.of("lt-a", "lt-b", "lt-c", "lt-d", "lt-e");
    private static DynamoDbClient own;

    @BeforeAll
    static void createTables() {
        own = newClient("AKIDLISTTABLES", "us-east-1");
        // created out of order: the listing is sorted by name
        for (String name : List.of("lt-c", "lt-a", "lt-e", "lt-b", "lt-d")) own.createTable(hashTable(name).build());
    }

    @Test
    void limitThatIsNotAnIntegerIsASerializationError() {
        assertSerialization(OP, "{'Limit': 'a'}", "STRING_VALUE cannot be converted to Integer");
        assertSerialization(OP, "{'ExclusiveStartTableName': 1}", "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void limitMustBeBetweenOneAndOneHundred() {
        assertValidation(OP, "{'Limit': 0}",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertValidation(OP, "{'Limit': 101}",
                "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    }

    @Test
    void exclusiveStartTableNameIsValidated() {
        assertValidation(OP, "{'ExclusiveStartTableName': 'a;'}", "2 validation errors detected: "
                + "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                + "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    }

    @Test
    void listsAllTablesInNameOrder() {
        ListTablesResponse response = own.listTables();
        assertEquals(NAMES, response.tableNames());
        assertNull(response.lastEvaluatedTableName());
    }

    @Test
    void limitCutsThePageAndNamesItsLastTable() {
        ListTablesResponse response = own.listTables(r -> r.limit(2));
        assertEquals(List.of("lt-a", "lt-b"), response.tableNames());
        assertEquals("lt-b", response.lastEvaluatedTableName());
    }

    @Test
    void exclusiveStartTableNameResumesAfterIt() {
        assertEquals(List.of("lt-c", "lt-d"), own.listTables(r -> r.exclusiveStartTableName("lt-b").limit(2)).tableNames());
    }

    @Test
    void exclusiveStartTableNameNeedNotExist() {
        assertEquals(List.of("lt-c", "lt-d", "lt-e"), own.listTables(r -> r.exclusiveStartTableName("lt-bz")).tableNames());
    }

    @Test
    void pageEndingAtTheLastTableHasNoLastEvaluatedTableName() {
        // As dynalite's listTables action: a name is given only when more tables follow.
        ListTablesResponse response = own.listTables(r -> r.exclusiveStartTableName("lt-c").limit(2));
        assertEquals(List.of("lt-d", "lt-e"), response.tableNames());
        assertNull(response.lastEvaluatedTableName());
    }

    @Test
    void startAfterTheLastTableListsNothing() {
        ListTablesResponse after = own.listTables(r -> r.exclusiveStartTableName("lt-e"));
        assertTrue(after.tableNames().isEmpty());
        assertNull(after.lastEvaluatedTableName());
    }

    @Test
    void pagingVisitsEveryTableOnce() {
        List<String> seen = new ArrayList<>();
        own.listTablesPaginator(r -> r.limit(2)).forEach(page -> seen.addAll(page.tableNames()));
        assertEquals(NAMES, seen);
    }

    @Test
    void eachAccessKeySeesItsOwnTables() {
        assertTrue(client.listTables().tableNames().stream().noneMatch(NAMES::contains));
    }
}
