package io.dynamoid.bench.workloads;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.util.function.Consumer;

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
        create(client, NAME, r -> { });
    }

    /**
     * Creates a table keyed like {@link #NAME} (pk S, sk N, on demand) and waits until it is ACTIVE;
     * {@code extra} adds to the request (e.g. an index and its attribute definitions).
     */
    public static void create(DynamoDbClient client, String name, Consumer<CreateTableRequest.Builder> extra) {
        client.createTable(r -> {
            r.tableName(name)
                    .attributeDefinitions(stringKey("pk"),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            extra.accept(r);
        });
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (client.describeTable(r -> r.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("table " + name + " not ACTIVE after 30 s");
            sleep(50);
        }
    }

    public static AttributeDefinition stringKey(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
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
