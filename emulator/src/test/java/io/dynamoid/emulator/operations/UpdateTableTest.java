package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;

import java.util.List;

import static io.dynamoid.emulator.operations.CreateTableTest.attribute;
import static io.dynamoid.emulator.operations.CreateTableTest.key;
import static io.dynamoid.emulator.operations.CreateTableTest.throughput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UpdateTable; messages pinned by dynalite's test/updateTable.js and validations/updateTable.js unless noted. */
class UpdateTableTest extends TableTestSupport {
    private static final String OP = "UpdateTable";

    private static String provisionedTable(long read, long write) {
        String name = uniqueTableName("upd");
        client.createTable(hashTable(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(read, write)).build());
        return name;
    }

    private static TableDescription describe(String name) {
        return client.describeTable(r -> r.tableName(name)).table();
    }

    // ------------------------------------------------------------------ serialization

    @Test
    void membersOfTheWrongTypeAreASerializationError() {
        assertSerialization(OP, "{'TableName': 1}", "NUMBER_VALUE cannot be converted to String");
        assertSerialization(OP, "{'ProvisionedThroughput': 'x'}", "Unexpected field type");
        assertSerialization(OP, "{'GlobalSecondaryIndexUpdates': [{'Update': 'x'}]}", "Unexpected field type");
        assertSerialization(OP, "{'GlobalSecondaryIndexUpdates': [{'Update': {'ProvisionedThroughput': {'WriteCapacityUnits': 'x'}}}]}",
                "STRING_VALUE cannot be converted to Long");
        assertSerialization(OP, "{'DeletionProtectionEnabled': []}", "Unrecognized collection type class java.lang.Boolean");
    }

    // ------------------------------------------------------------------ declared constraints

    @Test
    void tableNameIsRequiredAndValidated() {
        assertValidation(OP, "{}", "The parameter 'TableName' is required but was not present in the request");
        assertValidation(OP, "{'TableName': 'a;'}", "TableName must be at least 3 characters long and at most 255 characters long");
        assertValidation(OP, "{'TableName': 'abc;'}",
                "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void provisionedThroughputMembersAreValidated() {
        assertValidation(OP, "{'TableName': 'abc', 'ProvisionedThroughput': {}}", "2 validation errors detected: "
                + "Value null at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must not be null");
        assertValidation(OP, "{'TableName': 'abc', 'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000001, 'WriteCapacityUnits': -1}}",
                "1 validation error detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void emptyIndexUpdateReportsItsMissingMembers() {
        assertValidation(OP, "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Update': {}}]}", "2 validation errors detected: "
                + "Value null at 'globalSecondaryIndexUpdates.1.member.update.indexName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void badIndexNamesAndThroughputAreCollected() {
        assertValidation(OP, "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Update': {'IndexName': 'a', 'ProvisionedThroughput': {}}}, "
                        + "{'Update': {'IndexName': 'abc;', 'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000001, 'WriteCapacityUnits': 0}}}]}",
                "5 validation errors detected: "
                        + "Value 'a' at 'globalSecondaryIndexUpdates.1.member.update.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
                        + "Value null at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must not be null; "
                        + "Value 'abc;' at 'globalSecondaryIndexUpdates.2.member.update.indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value '0' at 'globalSecondaryIndexUpdates.2.member.update.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    // ------------------------------------------------------------------ custom validation

    @Test
    void somethingMustChange() {
        String message = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required";
        assertValidation(OP, "{'TableName': 'abc'}", message);
        assertValidation(OP, "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': []}", message);
    }

    @Test
    void provisionedBillingNeedsThroughput() {
        assertValidation(OP, "{'TableName': 'abc', 'BillingMode': 'PROVISIONED'}",
                "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }

    @Test
    void capacityAboveOneTrillionIsOutOfBounds() {
        assertValidation(OP, "{'TableName': 'abc', 'ProvisionedThroughput': {'WriteCapacityUnits': 1000000000001, 'ReadCapacityUnits': 1000000000001}}",
                "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
        assertValidation(OP, "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Update': {'IndexName': 'abc', "
                        + "'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000000, 'WriteCapacityUnits': 1000000000001}}}]}",
                "Given value 1000000000001 for WriteCapacityUnits is out of bounds for index abc");
    }

    @Test
    void eachIndexUpdateNeedsAnAction() {
        assertValidation(OP, "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{}]}",
                "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Delete must not be null");
    }

    @Test
    void oneUpdatePerIndex() {
        assertValidation(OP, "{'TableName': 'abc', 'GlobalSecondaryIndexUpdates': [{'Delete': {'IndexName': 'abc'}}, {'Delete': {'IndexName': 'abc'}}]}",
                "One or more parameter values were invalid: Only one global secondary index update per index is allowed simultaneously. Index: abc");
    }

    @Test
    void missingTableIsNotFoundWithItsName() {
        String name = uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found",
                () -> client.updateTable(r -> r.tableName(name).deletionProtectionEnabled(true)));
    }

    @Test
    void onDemandTableRefusesThroughput() {
        String name = uniqueTableName("ondemand");
        createHashTable(name);
        assertDynamoError("ValidationException", "One or more parameter values were invalid: "
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
                () -> client.updateTable(r -> r.tableName(name).provisionedThroughput(throughput(1, 1))));
    }

    @Test
    void unchangedThroughputIsRefused() {
        String name = provisionedTable(3, 4);
        assertDynamoError("ValidationException", "The provisioned throughput for the table will not change. The requested value equals the current value. "
                        + "Current ReadCapacityUnits provisioned for the table: 3. Requested ReadCapacityUnits: 3. "
                        + "Current WriteCapacityUnits provisioned for the table: 4. Requested WriteCapacityUnits: 4. "
                        + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
                () -> client.updateTable(r -> r.tableName(name).provisionedThroughput(throughput(3, 4))));
    }

    // ------------------------------------------------------------------ throughput and billing

    @Test
    void increaseIsReportedAsUpdatingWithTheOldUnits() {
        String name = provisionedTable(1, 1);
        TableDescription response = client.updateTable(r -> r.tableName(name).provisionedThroughput(throughput(3, 3))).tableDescription();
        assertEquals(TableStatus.UPDATING, response.tableStatus());
        assertEquals(1L, response.provisionedThroughput().readCapacityUnits());
        assertNotNull(response.provisionedThroughput().lastIncreaseDateTime());
        TableDescription after = describe(name);
        assertEquals(TableStatus.ACTIVE, after.tableStatus());
        assertEquals(3L, after.provisionedThroughput().readCapacityUnits());
        assertEquals(3L, after.provisionedThroughput().writeCapacityUnits());
        assertEquals(response.provisionedThroughput().lastIncreaseDateTime(), after.provisionedThroughput().lastIncreaseDateTime());
        assertNull(after.provisionedThroughput().lastDecreaseDateTime());
    }

    @Test
    void decreaseIsCountedForTheDay() {
        String name = provisionedTable(5, 5);
        client.updateTable(r -> r.tableName(name).provisionedThroughput(throughput(2, 5)));
        TableDescription after = describe(name);
        assertEquals(2L, after.provisionedThroughput().readCapacityUnits());
        assertEquals(1L, after.provisionedThroughput().numberOfDecreasesToday());
        assertNotNull(after.provisionedThroughput().lastDecreaseDateTime());
    }

    @Test
    void switchToOnDemandZeroesThroughputAndStampsTheSummary() {
        String name = provisionedTable(5, 5);
        TableDescription response = client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();
        assertEquals(TableStatus.UPDATING, response.tableStatus());
        TableDescription after = describe(name);
        assertEquals(BillingMode.PAY_PER_REQUEST, after.billingModeSummary().billingMode());
        assertNotNull(after.billingModeSummary().lastUpdateToPayPerRequestDateTime());
        assertEquals(0L, after.provisionedThroughput().readCapacityUnits());
        assertEquals(0L, after.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void switchToProvisionedSetsTheThroughput() {
        String name = uniqueTableName("toprov");
        createHashTable(name);
        client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(7, 8)));
        TableDescription after = describe(name);
        assertEquals(BillingMode.PROVISIONED, after.billingModeSummary().billingMode());
        assertEquals(after.creationDateTime(), after.billingModeSummary().lastUpdateToPayPerRequestDateTime());
        assertEquals(7L, after.provisionedThroughput().readCapacityUnits());
        assertEquals(8L, after.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void switchToProvisionedNeedsThroughputForEveryGlobalIndex() {
        String name = uniqueTableName("toprovgsi");
        client.createTable(hashTable(name).attributeDefinitions(attribute("pk"), attribute("g"))
                .globalSecondaryIndexes(gsi("byG", "g"), gsi("byG2", "g")).build());
        assertDynamoError("ValidationException", "One or more parameter values were invalid: ProvisionedThroughput must be specified for index: byG,byG2",
                () -> client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(1, 1))));
    }

    // ------------------------------------------------------------------ global secondary indexes

    @Test
    void createdIndexIsCreatingInTheResponseAndActiveAfter() {
        String name = uniqueTableName("newgsi");
        createHashTable(name);
        TableDescription response = client.updateTable(r -> r.tableName(name)
                .attributeDefinitions(attribute("g"))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder()
                        .indexName("byG").keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build())).tableDescription();
        assertEquals(TableStatus.UPDATING, response.tableStatus());
        assertEquals(IndexStatus.CREATING, response.globalSecondaryIndexes().get(0).indexStatus());
        TableDescription after = describe(name);
        GlobalSecondaryIndexDescription index = after.globalSecondaryIndexes().get(0);
        assertEquals(IndexStatus.ACTIVE, index.indexStatus());
        assertEquals(after.tableArn() + "/index/byG", index.indexArn());
        assertEquals(List.of(attribute("pk"), attribute("g")), after.attributeDefinitions());
    }

    @Test
    void createdIndexKeysMustBeDefined() {
        String name = uniqueTableName("undefgsi");
        createHashTable(name);
        assertDynamoError("ValidationException", "One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [g], AttributeDefinitions: [pk]",
                () -> client.updateTable(r -> r.tableName(name).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .create(CreateGlobalSecondaryIndexAction.builder().indexName("byG").keySchema(key("g", KeyType.HASH))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build())));
    }

    @Test
    void onlyOneIndexCanBeCreatedOrDeletedAtATime() {
        String name = uniqueTableName("twogsi");
        client.createTable(hashTable(name).attributeDefinitions(attribute("pk"), attribute("g")).globalSecondaryIndexes(gsi("byG", "g")).build());
        assertDynamoError("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
                () -> client.updateTable(r -> r.tableName(name).attributeDefinitions(attribute("g"), attribute("h")).globalSecondaryIndexUpdates(
                        GlobalSecondaryIndexUpdate.builder().delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byG").build()).build(),
                        GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder().indexName("byH")
                                .keySchema(key("h", KeyType.HASH)).projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build())));
        assertEquals(1, describe(name).globalSecondaryIndexes().size());
    }

    @Test
    void deletedIndexIsDeletingInTheResponseAndGoneAfter() {
        String name = uniqueTableName("dropgsi");
        client.createTable(hashTable(name).attributeDefinitions(attribute("pk"), attribute("g")).globalSecondaryIndexes(gsi("byG", "g")).build());
        TableDescription response = client.updateTable(r -> r.tableName(name).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byG").build()).build())).tableDescription();
        assertEquals(IndexStatus.DELETING, response.globalSecondaryIndexes().get(0).indexStatus());
        TableDescription after = describe(name);
        assertFalse(after.hasGlobalSecondaryIndexes());
        assertEquals(List.of(attribute("pk")), after.attributeDefinitions());
    }

    @Test
    void unknownIndexIsNotFound() {
        // Local choice of wording for DynamoDB's ResourceNotFoundException.
        String name = uniqueTableName("nogsi");
        createHashTable(name);
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Index: byX not found",
                () -> client.updateTable(r -> r.tableName(name).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byX").build()).build())));
    }

    @Test
    void indexThroughputIsUpdated() {
        String name = uniqueTableName("gsithroughput");
        client.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attribute("pk"), attribute("g")).keySchema(key("pk", KeyType.HASH))
                .provisionedThroughput(throughput(1, 1))
                .globalSecondaryIndexes(gsi("byG", "g").toBuilder().provisionedThroughput(throughput(1, 1)).build()).build());
        TableDescription response = client.updateTable(r -> r.tableName(name).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .update(UpdateGlobalSecondaryIndexAction.builder().indexName("byG").provisionedThroughput(throughput(4, 5)).build()).build())).tableDescription();
        assertEquals(IndexStatus.UPDATING, response.globalSecondaryIndexes().get(0).indexStatus());
        GlobalSecondaryIndexDescription index = describe(name).globalSecondaryIndexes().get(0);
        assertEquals(4L, index.provisionedThroughput().readCapacityUnits());
        assertEquals(5L, index.provisionedThroughput().writeCapacityUnits());
        assertEquals(IndexStatus.ACTIVE, index.indexStatus());
    }

    // ------------------------------------------------------------------ streams, class, protection

    @Test
    void streamCanBeEnabledAndDisabled() {
        String name = uniqueTableName("stream");
        createHashTable(name);
        TableDescription enabled = client.updateTable(r -> r.tableName(name).streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY).build())).tableDescription();
        assertEquals(StreamViewType.KEYS_ONLY, enabled.streamSpecification().streamViewType());
        assertNotNull(enabled.latestStreamArn());
        client.updateTable(r -> r.tableName(name).streamSpecification(StreamSpecification.builder().streamEnabled(false).build()));
        TableDescription after = describe(name);
        assertNull(after.streamSpecification());
        assertEquals(enabled.latestStreamLabel(), after.latestStreamLabel(), "the latest stream stays known");
    }

    @Test
    void enablingAnEnabledStreamIsRefused() {
        // Local choice of wording (not pinned by dynalite).
        String name = uniqueTableName("stream2");
        client.createTable(hashTable(name).streamSpecification(StreamSpecification.builder().streamEnabled(true)
                .streamViewType(StreamViewType.NEW_IMAGE).build()).build());
        assertDynamoError("ValidationException", "Table already has an enabled stream: TableName: " + name,
                () -> client.updateTable(r -> r.tableName(name).streamSpecification(
                        StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())));
    }

    @Test
    void encryptionCanBeSwitchedToKms() {
        String name = uniqueTableName("sse");
        createHashTable(name);
        client.updateTable(r -> r.tableName(name).sseSpecification(SSESpecification.builder().enabled(true).sseType(SSEType.KMS).build()));
        String keyArn = describe(name).sseDescription().kmsMasterKeyArn();
        assertTrue(keyArn.startsWith("arn:aws:kms:us-east-1:000000000000:key/"), keyArn);
        client.updateTable(r -> r.tableName(name).sseSpecification(SSESpecification.builder().enabled(false).build()));
        assertNull(describe(name).sseDescription());
    }

    @Test
    void onDemandMaximumCanBeSetAndRemoved() {
        String name = uniqueTableName("maxod");
        createHashTable(name);
        client.updateTable(r -> r.tableName(name).onDemandThroughput(OnDemandThroughput.builder().maxWriteRequestUnits(50L).build()));
        assertEquals(50L, describe(name).onDemandThroughput().maxWriteRequestUnits());
        client.updateTable(r -> r.tableName(name).onDemandThroughput(OnDemandThroughput.builder().maxWriteRequestUnits(-1L).build()));
        assertNull(describe(name).onDemandThroughput());
    }

    @Test
    void tableClassIsChanged() {
        String name = uniqueTableName("class");
        createHashTable(name);
        client.updateTable(r -> r.tableName(name).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, describe(name).tableClassSummary().tableClass());
    }

    @Test
    void deletionProtectionCanBeTurnedOff() {
        String name = uniqueTableName("unprotect");
        client.createTable(hashTable(name).deletionProtectionEnabled(true).build());
        TableDescription response = client.updateTable(r -> r.tableName(name).deletionProtectionEnabled(false)).tableDescription();
        assertFalse(response.deletionProtectionEnabled());
        assertEquals(TableStatus.ACTIVE, response.tableStatus());
        client.deleteTable(r -> r.tableName(name));
        assertFalse(client.listTables().tableNames().contains(name));
    }

    @Test
    void tableNameMayBeTheTableArn() {
        String name = uniqueTableName("updarn");
        TableDescription created = createHashTable(name);
        client.updateTable(r -> r.tableName(created.tableArn()).deletionProtectionEnabled(true));
        assertTrue(describe(name).deletionProtectionEnabled());
    }

    private static GlobalSecondaryIndex gsi(String name, String hash) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(hash, KeyType.HASH))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }
}
