package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.math.BigDecimal;
import java.util.Map;

import static io.dynamoid.emulator.operations.CreateTableTest.attribute;
import static io.dynamoid.emulator.operations.CreateTableTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DescribeTable; messages pinned by dynalite's test/describeTable.js unless noted. */
class DescribeTableTest extends TableTestSupport {
    private static final String OP = "DescribeTable";

    @Test
    void tableNameThatIsNotAStringIsASerializationError() {
        assertSerialization(OP, "{'TableName': true}", "TRUE_VALUE cannot be converted to String");
    }

    @Test
    void missingTableNameIsRequired() {
        assertValidation(OP, "{}", "The parameter 'TableName' is required but was not present in the request");
    }

    @Test
    void tableNameLengthIsChecked() {
        assertValidation(OP, "{'TableName': 'a;'}", "TableName must be at least 3 characters long and at most 255 characters long");
    }

    @Test
    void tableNamePatternIsChecked() {
        assertValidation(OP, "{'TableName': 'abc;'}",
                "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void arnLongerThan1024IsRefused() {
        // DynamoDB's TableArn shape: 1..1024 characters.
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + "a".repeat(1000);
        assertValidation(OP, "{'TableName': '" + arn + "'}", "1 validation error detected: Value '" + arn
                + "' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 1024");
    }

    @Test
    void missingTableIsNotFoundWithItsName() {
        String name = uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found",
                () -> client.describeTable(r -> r.tableName(name)));
    }

    @Test
    void unknownArnIsNotFound() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + arn + " not found",
                () -> client.describeTable(r -> r.tableName(arn)));
    }

    @Test
    void describesTheTableAsActiveWithItsCreationResponse() {
        String name = uniqueTableName("describe");
        TableDescription created = createHashTable(name);
        TableDescription d = client.describeTable(r -> r.tableName(name)).table();
        assertEquals(TableStatus.ACTIVE, d.tableStatus());
        assertEquals(created.tableId(), d.tableId());
        assertEquals(created.tableArn(), d.tableArn());
        assertEquals(created.creationDateTime(), d.creationDateTime());
        assertEquals(created.attributeDefinitions(), d.attributeDefinitions());
        assertEquals(created.keySchema(), d.keySchema());
        assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
        assertEquals(created.creationDateTime(), d.billingModeSummary().lastUpdateToPayPerRequestDateTime());
    }

    @Test
    void creationTimeIsEpochSecondsWithAFraction() {
        String name = uniqueTableName("rawtime");
        long millis = createHashTable(name).creationDateTime().toEpochMilli();
        var table = raw.call(OP, "{\"TableName\": \"" + name + "\"}").json().get("Table");
        assertTrue(table.get("CreationDateTime").isNumber(), table.toString());
        assertEquals(0, BigDecimal.valueOf(millis, 3).compareTo(table.get("CreationDateTime").decimalValue()), table.toString());
    }

    @Test
    void itemCountAndSizeAreExact() {
        String name = uniqueTableName("counts");
        createHashTable(name);
        client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("ab"), "n", AttributeValue.fromN("1"))));
        client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("c"))));
        TableDescription d = client.describeTable(r -> r.tableName(name)).table();
        assertEquals(2L, d.itemCount());
        // pk(2)+"ab"(2) + n(1)+1(2) = 7, pk(2)+"c"(1) = 3
        assertEquals(10L, d.tableSizeBytes());
    }

    @Test
    void indexCountsAreTheItemsCarryingTheIndexKey() {
        String name = uniqueTableName("idxcounts");
        client.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attribute("pk"), attribute("g"))
                .keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .build());
        client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("1"), "g", AttributeValue.fromS("x"),
                "other", AttributeValue.fromS("not projected"))));
        client.putItem(r -> r.tableName(name).item(Map.of("pk", AttributeValue.fromS("2"))));
        var gsi = client.describeTable(r -> r.tableName(name)).table().globalSecondaryIndexes().get(0);
        assertEquals(1L, gsi.itemCount());
        assertEquals(5L, gsi.indexSizeBytes(), "keys only: pk(2)+1(1) + g(1)+x(1)");
        assertEquals(0L, gsi.provisionedThroughput().readCapacityUnits());
    }

    @Test
    void tableNameMayBeTheTableArn() {
        String name = uniqueTableName("describearn");
        TableDescription created = createHashTable(name);
        TableDescription d = client.describeTable(r -> r.tableName(created.tableArn())).table();
        assertEquals(name, d.tableName());
        assertNotNull(d.tableId());
    }
}
