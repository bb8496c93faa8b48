package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SELECT ... FROM "table"."index" (Developer Guide, "PartiQL select statements for DynamoDB"). */
class SelectFromIndexTest extends EmulatorTestBase {
    private static String table;

    @BeforeAll
    static void createTableWithIndex() {
        table = uniqueTableName("partiql-index");
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("rank").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGroup")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("rank").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        for (int i = 1; i <= 5; i++) {
            String pk = "p" + i;
            String rank = Integer.toString(10 - i);
            client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "g", AttributeValue.fromS("red"),
                    "rank", AttributeValue.fromN(rank))));
        }
        client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("other"), "g", AttributeValue.fromS("blue"),
                "rank", AttributeValue.fromN("1"))));
    }

    @Test
    void selectOnTheIndexPartitionKeyReturnsItsItemsInIndexSortOrder() {
        List<Map<String, AttributeValue>> items = client.executeStatement(b -> b.statement(
                "SELECT pk FROM \"" + table + "\".\"byGroup\" WHERE g = 'red'")).items();
        assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), items.stream().map(item -> item.get("pk").s()).toList());
    }

    @Test
    void limitAndNextTokenPageThroughTheIndex() {
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ExecuteStatementResponse page = client.executeStatement(b -> b.statement(
                    "SELECT pk FROM \"" + table + "\".\"byGroup\" WHERE g = 'red'").limit(2).nextToken(current));
            page.items().forEach(item -> seen.add(item.get("pk").s()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), seen);
    }

    @Test
    void orderByTheIndexSortKeyDescPagesInReverse() {
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ExecuteStatementResponse page = client.executeStatement(b -> b.statement(
                    "SELECT pk FROM \"" + table + "\".\"byGroup\" WHERE g = 'red' ORDER BY rank DESC").limit(2).nextToken(current));
            page.items().forEach(item -> seen.add(item.get("pk").s()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("p1", "p2", "p3", "p4", "p5"), seen);
    }

    @Test
    void anUnknownIndexIsAValidationError() {
        // the wording Query uses for an index the table does not have
        assertDynamoError("ValidationException", "The table does not have the specified index: nope",
                () -> client.executeStatement(b -> b.statement("SELECT * FROM \"" + table + "\".\"nope\"")));
    }
}
