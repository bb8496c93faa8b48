package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The table every workload uses: partition key pk (S), sort key sk (N), so Query workloads fit too. */
public final class BenchTable {
    public static final String NAME = "bench";
    /** The canned server's answers to the table set-up calls. */
    public static final String CANNED_CREATE = "{\"TableDescription\":{\"TableName\":\"bench\",\"TableStatus\":\"ACTIVE\"}}";
    public static final String CANNED_DESCRIBE = "{\"Table\":{\"TableName\":\"bench\",\"TableStatus\":\"ACTIVE\"}}";

    private BenchTable() {
    }

    /** Creates the table and waits (up to 30 s) until it is ACTIVE. */
    public static void create(DynamoDbClient client) {
        client.createTable(r -> r.tableName(NAME)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (client.describeTable(r -> r.tableName(NAME)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("table " + NAME + " not ACTIVE after 30 s");
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
