package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.util.Map;

import static io.dynamoid.emulator.operations.CreateTableTest.attribute;
import static io.dynamoid.emulator.operations.CreateTableTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DeleteTable; messages pinned by dynalite's test/deleteTable.js unless noted. */
class DeleteTableTest extends TableTestSupport {
    private static final String OP = "DeleteTable";

    @Test
    void tableNameThatIsNotAStringIsASerializationError() {
        assertSerialization(OP, "{'TableName': 12.5}", "DECIMAL_VALUE cannot be converted to String");
    }

    @Test
    void missingTableNameIsRequired() {
        assertValidation(OP, "{}", "The parameter 'TableName' is required but was not present in the request");
    }

    @Test
    void tableNameIsValidated() {
        assertValidation(OP, "{'TableName': '" + "a".repeat(256) + "'}", "TableName must be at least 3 characters long and at most 255 characters long");
        assertValidation(OP, "{'TableName': 'abc;'}",
                "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void missingTableIsNotFoundWithItsName() {
        String name = uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found",
                () -> client.deleteTable(r -> r.tableName(name)));
    }

    @Test
    void responseDescribesTheTableAsDeleting() {
        String name = uniqueTableName("delete");
        TableDescription created = createHashTable(name);
        client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("x"))));
        TableDescription d = client.deleteTable(r -> r.tableName(name)).tableDescription();
        assertEquals(TableStatus.DELETING, d.tableStatus());
        assertEquals(created.tableId(), d.tableId());
        assertEquals(1L, d.itemCount());
    }

    @Test
    void tableIsGoneRightAway() {
        String name = uniqueTableName("gone");
        createHashTable(name);
        client.deleteTable(r -> r.tableName(name));
        assertFalse(client.listTables().tableNames().contains(name));
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found",
                () -> client.describeTable(r -> r.tableName(name)));
    }

    @Test
    void tableCanBeRecreatedEmpty() {
        String name = uniqueTableName("recreate");
        createHashTable(name);
        client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("x"))));
        client.deleteTable(r -> r.tableName(name));
        createHashTable(name);
        assertEquals(0L, client.describeTable(r -> r.tableName(name)).table().itemCount());
    }

    @Test
    void responseOmitsGlobalIndexes() {
        // dynalite (checked against DynamoDB) drops GlobalSecondaryIndexes from the DELETING description.
        String name = uniqueTableName("deletegsi");
        client.createTable(hashTable(name).attributeDefinitions(attribute("pk"), attribute("g"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build());
        assertFalse(client.deleteTable(r -> r.tableName(name)).tableDescription().hasGlobalSecondaryIndexes());
    }

    @Test
    void protectedTableIsNotDeleted() {
        // Message as DynamoDB answers it (matched verbatim by tools such as aws-nuke).
        String name = uniqueTableName("protected");
        client.createTable(hashTable(name).deletionProtectionEnabled(true).build());
        assertDynamoError("ValidationException",
                "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.",
                () -> client.deleteTable(r -> r.tableName(name)));
        assertTrue(client.listTables().tableNames().contains(name));
    }

    @Test
    void tableNameMayBeTheTableArn() {
        String name = uniqueTableName("deletearn");
        TableDescription created = createHashTable(name);
        assertEquals(name, client.deleteTable(r -> r.tableName(created.tableArn())).tableDescription().tableName());
        assertFalse(client.listTables().tableNames().contains(name));
    }
}
