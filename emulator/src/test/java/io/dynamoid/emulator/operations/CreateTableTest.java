package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CreateTable; messages pinned by dynalite's test/createTable.js (checked against DynamoDB) unless noted. */
class CreateTableTest extends TableTestSupport {
    private static final String OP = "CreateTable";
    private static final String DEFS_AB = "'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}, {'AttributeName': 'b', 'AttributeType': 'S'}]";
    private static final String KEYS_AB = "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}, {'KeyType': 'RANGE', 'AttributeName': 'b'}]";
    private static final String PT = "'ProvisionedThroughput': {'ReadCapacityUnits': 1, 'WriteCapacityUnits': 1}";
    private static final String INDEX_AB = "'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'}, {'AttributeName': 'b', 'KeyType': 'RANGE'}]";

    private static String withAbTable(String more) {
        return "{'TableName': 'abc', " + DEFS_AB + ", " + KEYS_AB + ", " + PT + ", " + more + "}";
    }

    // ------------------------------------------------------------------ serialization

    @Test
    void tableNameThatIsNotAStringIsASerializationError() {
        assertSerialization(OP, "{'TableName': 1}", "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void attributeDefinitionsThatAreNotAListAreASerializationError() {
        assertSerialization(OP, "{'AttributeDefinitions': 'a'}", "Unexpected field type");
        assertSerialization(OP, "{'AttributeDefinitions': {}}", "Start of structure or map found where not expected");
    }

    @Test
    void keySchemaElementThatIsNotAStructIsASerializationError() {
        assertSerialization(OP, "{'KeySchema': ['a']}", "Unexpected value type in payload");
        assertSerialization(OP, "{'KeySchema': [[]]}", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement");
    }

    @Test
    void provisionedThroughputThatIsNotAStructIsASerializationError() {
        assertSerialization(OP, "{'ProvisionedThroughput': 'a'}", "Unexpected field type");
        assertSerialization(OP, "{'ProvisionedThroughput': []}", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput");
    }

    @Test
    void capacityUnitsThatAreNotLongsAreASerializationError() {
        assertSerialization(OP, "{'ProvisionedThroughput': {'ReadCapacityUnits': 'a'}}", "STRING_VALUE cannot be converted to Long");
        assertSerialization(OP, "{'ProvisionedThroughput': {'WriteCapacityUnits': true}}", "TRUE_VALUE cannot be converted to Long");
    }

    @Test
    void indexMembersOfTheWrongTypeAreASerializationError() {
        assertSerialization(OP, "{'GlobalSecondaryIndexes': [{'Projection': {'NonKeyAttributes': [1]}}]}", "NUMBER_VALUE cannot be converted to String");
        assertSerialization(OP, "{'LocalSecondaryIndexes': [{'IndexName': false}]}", "FALSE_VALUE cannot be converted to String");
    }

    @Test
    void newerMembersOfTheWrongTypeAreASerializationError() {
        assertSerialization(OP, "{'DeletionProtectionEnabled': 1}", "NUMBER_VALUE cannot be converted to Boolean");
        assertSerialization(OP, "{'StreamSpecification': {'StreamEnabled': []}}", "Unrecognized collection type class java.lang.Boolean");
        assertSerialization(OP, "{'Tags': [{'Key': {}}]}", "Start of structure or map found where not expected");
    }

    // ------------------------------------------------------------------ declared constraints

    @Test
    void missingTableNameIsReportedAlone() {
        assertValidation(OP, "{}", "The parameter 'TableName' is required but was not present in the request");
    }

    @Test
    void tableNameLengthIsCheckedBeforeOtherConstraints() {
        String message = "TableName must be at least 3 characters long and at most 255 characters long";
        assertValidation(OP, "{'TableName': ''}", message);
        assertValidation(OP, "{'TableName': 'a;'}", message);
        assertValidation(OP, "{'TableName': '" + "a".repeat(256) + "'}", message);
    }

    @Test
    void nullMembersAndBadTableNameAreCollected() {
        assertValidation(OP, "{'TableName': 'abc;'}", "3 validation errors detected: "
                + "Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; "
                + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                + "Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void emptyProvisionedThroughputReportsEachMissingUnit() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'ProvisionedThroughput': {}}", "3 validation errors detected: "
                + "Value null at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void capacityBelowOneAndEmptyKeySchemaAreReported() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [], "
                        + "'ProvisionedThroughput': {'ReadCapacityUnits': -1, 'WriteCapacityUnits': -1}}", "3 validation errors detected: "
                + "Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                + "Value '-1' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                + "Value '[]' at 'keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void keySchemaElementsAreCheckedOneByOne() {
        var answer = raw.call(OP, ("{'TableName': 'abc', 'AttributeDefinitions': [], "
                + "'KeySchema': [{'KeyType': 'HASH'}, {'AttributeName': 'a'}, {'KeyType': 'Woop', 'AttributeName': 'a'}], "
                + "'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000001, 'WriteCapacityUnits': 1000000000001}}").replace('\'', '"'));
        String message = answer.message();
        assertTrue(message.startsWith("4 validation errors detected: Value '["), message);
        assertTrue(message.contains("' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2; "
                + "Value null at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'keySchema.2.member.keyType' failed to satisfy constraint: Member must not be null; "
                + "Value 'Woop' at 'keySchema.3.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]"), message);
    }

    @Test
    void attributeDefinitionMembersMustNotBeNull() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{}], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + "}",
                "2 validation errors detected: "
                        + "Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void attributeTypeMustBeScalar() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'b', 'AttributeType': 'SS'}], "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + "}",
                "1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [B, N, S]");
    }

    @Test
    void badEnumsOfNewerMembersAreReported() {
        // Enum values from the DynamoDB API reference (BillingMode, StreamViewType, TableClass).
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'BillingMode': 'FREE', 'StreamSpecification': {'StreamEnabled': true, 'StreamViewType': 'ALL'}, 'TableClass': 'COLD'}",
                "3 validation errors detected: "
                        + "Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]; "
                        + "Value 'ALL' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]; "
                        + "Value 'COLD' at 'tableClass' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, STANDARD_INFREQUENT_ACCESS]");
    }

    @Test
    void streamEnabledMustNotBeNull() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'StreamSpecification': {}}",
                "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void tagKeyAndValueLengthsAreBounded() {
        // TagKeyString 1..128, TagValueString 0..256 (DynamoDB API reference, Tag).
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'Tags': [{'Key': '', 'Value': '" + "v".repeat(257) + "'}]}",
                "2 validation errors detected: "
                        + "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                        + "Value '" + "v".repeat(257) + "' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256");
    }

    @Test
    void badLocalIndexNamesAreCollected() {
        String name = "a".repeat(256);
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'LocalSecondaryIndexes': [{'IndexName': 'h;', 'KeySchema': [], 'Projection': {}}, "
                        + "{'IndexName': '" + name + "', 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'}], 'Projection': {}}], " + PT + "}",
                "4 validation errors detected: "
                        + "Value 'h;' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value 'h;' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
                        + "Value '[]' at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                        + "Value '" + name + "' at 'localSecondaryIndexes.2.member.indexName' failed to satisfy constraint: Member must have length less than or equal to 255");
    }

    @Test
    void projectionMembersAreConstrained() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB
                        + ", 'Projection': {'NonKeyAttributes': [], 'ProjectionType': 'abc'}}]"),
                "2 validation errors detected: "
                        + "Value 'abc' at 'localSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]; "
                        + "Value '[]' at 'localSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void atMostTenErrorsAreReported() {
        String message = raw.call(OP, ("{'TableName': 'abc', " + DEFS_AB + ", " + KEYS_AB + ", " + PT
                + ", 'GlobalSecondaryIndexes': [{}, {}, {}, {}, {}, {}, {}, {}, {}]}").replace('\'', '"')).message();
        assertTrue(message.startsWith("10 validation errors detected: "), message);
        assertEquals(10, message.split("; ").length, message);
    }

    @Test
    void nullListMembersAreReportedNotFailed() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [null], 'KeySchema': [null], " + PT + "}",
                "2 validation errors detected: "
                        + "Value null at 'attributeDefinitions.1.member' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'keySchema.1.member' failed to satisfy constraint: Member must not be null");
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB
                        + ", 'Projection': {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': [null]}}]"),
                "1 validation error detected: "
                        + "Value null at 'localSecondaryIndexes.1.member.projection.nonKeyAttributes.1.member' failed to satisfy constraint: Member must not be null");
    }

    // ------------------------------------------------------------------ custom validation, in DynamoDB's order

    @Test
    void provisionedTableNeedsThroughput() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}]}",
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }

    @Test
    void payPerRequestTableRefusesThroughput() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'BillingMode': 'PAY_PER_REQUEST', " + PT + "}",
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void capacityAboveOneTrillionIsOutOfBounds() {
        String table = "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], ";
        assertValidation(OP, table + "'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000001, 'WriteCapacityUnits': 1000000000001}}",
                "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
        assertValidation(OP, table + "'ProvisionedThroughput': {'ReadCapacityUnits': 1000000000000, 'WriteCapacityUnits': 1000000000001}}",
                "Given value 1000000000001 for WriteCapacityUnits is out of bounds");
    }

    @Test
    void hugeCapacityIsOutOfBoundsNotOverflowed() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [], 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'ProvisionedThroughput': {'ReadCapacityUnits': 100000000000000000000000, 'WriteCapacityUnits': 1}}",
                "Given value 100000000000000000000000 for ReadCapacityUnits is out of bounds");
    }

    @Test
    void globalIndexCapacityAboveOneTrillionIsOutOfBounds() {
        // Wording as UpdateTable's for indexes (dynalite's test/updateTable.js).
        assertValidation(OP, withAbTable("'GlobalSecondaryIndexes': [{'IndexName': 'idx', " + INDEX_AB
                        + ", 'ProvisionedThroughput': {'ReadCapacityUnits': 1, 'WriteCapacityUnits': 1000000000001}, 'Projection': {'ProjectionType': 'ALL'}}]"),
                "Given value 1000000000001 for WriteCapacityUnits is out of bounds for index idx");
    }

    @Test
    void provisionedGlobalIndexNeedsThroughput() {
        // Wording as UpdateTable's when switching to PROVISIONED (dynalite's actions/updateTable.js).
        assertValidation(OP, withAbTable("'GlobalSecondaryIndexes': [{'IndexName': 'idx', " + INDEX_AB + ", 'Projection': {'ProjectionType': 'ALL'}}]"),
                "One or more parameter values were invalid: ProvisionedThroughput must be specified for index: idx");
    }

    @Test
    void atMostFiftyTags() {
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 51; i++) tags.append(i == 0 ? "" : ", ").append("{'Key': 'k").append(i).append("', 'Value': 'v'}");
        assertRawError(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}], "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + ", 'Tags': " + tags + "]}",
                "LimitExceededException", "The number of tags exceeds the limit of 50 tags per resource.");
    }

    @Test
    void moreKeysThanDefinitionsIsAnInvalidKeySchema() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}], "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}, {'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + "}",
                "Invalid KeySchema: Some index key attribute have no definition");
    }

    @Test
    void keysMustBeDefined() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'b', 'AttributeType': 'S'}], "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + "}",
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]");
    }

    @Test
    void hashAndRangeKeysMustDiffer() {
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}, {'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + "}",
                "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }

    @Test
    void keyTypesMustBeHashThenRange() {
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", "
                        + "'KeySchema': [{'KeyType': 'RANGE', 'AttributeName': 'a'}, {'KeyType': 'HASH', 'AttributeName': 'b'}], " + PT + "}",
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}, {'KeyType': 'HASH', 'AttributeName': 'b'}], " + PT + "}",
                "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }

    @Test
    void extraAttributeDefinitionsWithoutIndexesAreRefused() {
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + "}",
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }

    @Test
    void unusedAttributeDefinitionsWithIndexesAreRefused() {
        // Message as DynamoDB answers it (reported by users; not covered by dynalite).
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}, "
                        + "{'AttributeName': 'b', 'AttributeType': 'S'}, {'AttributeName': 'c', 'AttributeType': 'S'}], " + KEYS_AB + ", " + PT
                        + ", 'LocalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB + ", 'Projection': {'ProjectionType': 'ALL'}}]}",
                "One or more parameter values were invalid: Some AttributeDefinitions are not used. AttributeDefinitions: [a, b, c], keys used: [a, b]");
    }

    @Test
    void emptyLocalIndexListIsRefused() {
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'LocalSecondaryIndexes': [], " + PT + "}",
                "One or more parameter values were invalid: List of LocalSecondaryIndexes is empty");
    }

    @Test
    void localIndexNeedsTableRangeKey() {
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'LocalSecondaryIndexes': [{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'c', 'KeyType': 'RANGE'}], 'Projection': {}}], " + PT + "}",
                "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
    }

    @Test
    void localIndexNeedsItsOwnRangeKey() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}], 'Projection': {}}]"),
                "One or more parameter values were invalid: Index KeySchema does not have a range key for index: abc");
    }

    @Test
    void localIndexMustShareTheTableHashKey() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', "
                        + "'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}, {'AttributeName': 'a', 'KeyType': 'RANGE'}], 'Projection': {}}]"),
                "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: abc. index hash key: b, table hash key: a");
    }

    @Test
    void indexKeysMustBeDefined() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', "
                        + "'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'}, {'AttributeName': 'c', 'KeyType': 'RANGE'}], 'Projection': {}}]"),
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [a, c], AttributeDefinitions: [a, b]");
    }

    @Test
    void projectionTypeIsRequired() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB + ", 'Projection': {'NonKeyAttributes': ['a']}}]"),
                "One or more parameter values were invalid: Unknown ProjectionType: null");
        assertValidation(OP, withAbTable("'GlobalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB + ", " + PT + ", 'Projection': {}}]"),
                "One or more parameter values were invalid: Unknown ProjectionType: null");
    }

    @Test
    void nonKeyAttributesNeedIncludeProjection() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB
                        + ", 'Projection': {'ProjectionType': 'ALL', 'NonKeyAttributes': ['a']}}]"),
                "One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified");
        assertValidation(OP, withAbTable("'GlobalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB + ", " + PT
                        + ", 'Projection': {'ProjectionType': 'KEYS_ONLY', 'NonKeyAttributes': ['a']}}]"),
                "One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified");
    }

    @Test
    void indexNamesMustBeUniqueAcrossLocalAndGlobal() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB + ", 'Projection': {'ProjectionType': 'ALL'}}], "
                        + "'GlobalSecondaryIndexes': [{'IndexName': 'abc', " + INDEX_AB + ", " + PT + ", 'Projection': {'ProjectionType': 'ALL'}}]"),
                "One or more parameter values were invalid: Duplicate index name: abc");
    }

    @Test
    void atMostFiveLocalIndexes() {
        assertValidation(OP, withAbTable("'LocalSecondaryIndexes': " + indexes(6, false)),
                "One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }

    @Test
    void emptyGlobalIndexListIsRefused() {
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", 'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], "
                        + "'GlobalSecondaryIndexes': [], " + PT + "}",
                "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
    }

    @Test
    void atMostTwentyGlobalIndexes() {
        assertValidation(OP, withAbTable("'GlobalSecondaryIndexes': " + indexes(21, true)),
                "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }

    @Test
    void payPerRequestGlobalIndexRefusesThroughput() {
        assertValidation(OP, "{'TableName': 'abc', " + DEFS_AB + ", " + KEYS_AB + ", 'BillingMode': 'PAY_PER_REQUEST', "
                        + "'GlobalSecondaryIndexes': [{'IndexName': 'idx', " + INDEX_AB + ", " + PT + ", 'Projection': {'ProjectionType': 'ALL'}}]}",
                "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: idx when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void projectedNonKeyAttributesAreLimitedToOneHundredInTotal() {
        // Limit from the API reference (Projection.NonKeyAttributes); message as reported for DynamoDB.
        StringBuilder gsis = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            List<String> names = new ArrayList<>();
            for (int n = 0; n < 17; n++) names.add("'x" + i + "_" + n + "'");
            if (i > 0) gsis.append(", ");
            gsis.append("{'IndexName': 'idx").append(i).append("', ").append(INDEX_AB).append(", ").append(PT)
                    .append(", 'Projection': {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': [").append(String.join(", ", names)).append("]}}");
        }
        assertValidation(OP, withAbTable("'GlobalSecondaryIndexes': " + gsis + "]"),
                "One or more parameter values were invalid: Number of projected attributes in all indexes exceeds limit of 100");
    }

    @Test
    void enabledStreamNeedsAViewType() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}], "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT + ", 'StreamSpecification': {'StreamEnabled': true}}",
                "One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true");
    }

    @Test
    void disabledStreamTakesNoViewType() {
        assertValidation(OP, "{'TableName': 'abc', 'AttributeDefinitions': [{'AttributeName': 'a', 'AttributeType': 'S'}], "
                        + "'KeySchema': [{'KeyType': 'HASH', 'AttributeName': 'a'}], " + PT
                        + ", 'StreamSpecification': {'StreamEnabled': false, 'StreamViewType': 'KEYS_ONLY'}}",
                "One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false");
    }

    @Test
    void existingTableIsResourceInUse() {
        String name = uniqueTableName("exists");
        createHashTable(name);
        assertDynamoError("ResourceInUseException", "Table already exists: " + name, () -> createHashTable(name));
    }

    // ------------------------------------------------------------------ success

    @Test
    void responseDescribesTheNewTableAsCreating() {
        String name = uniqueTableName("basic");
        Instant before = Instant.now().minusSeconds(1);
        TableDescription d = client.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("a").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("a").keyType(KeyType.HASH).build())
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(2L).build())
                .build()).tableDescription();
        assertEquals(name, d.tableName());
        assertEquals(TableStatus.CREATING, d.tableStatus());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/" + name, d.tableArn());
        assertTrue(d.tableId().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), d.tableId());
        assertTrue(Duration.between(before, d.creationDateTime()).abs().getSeconds() < 5, d.creationDateTime().toString());
        assertEquals(1L, d.provisionedThroughput().readCapacityUnits());
        assertEquals(2L, d.provisionedThroughput().writeCapacityUnits());
        assertEquals(0L, d.provisionedThroughput().numberOfDecreasesToday());
        assertEquals(0L, d.itemCount());
        assertEquals(0L, d.tableSizeBytes());
        assertNull(d.billingModeSummary(), "provisioned tables created without BillingMode have no summary");
        assertFalse(d.deletionProtectionEnabled());
        assertEquals(List.of(KeySchemaElement.builder().attributeName("a").keyType(KeyType.HASH).build()), d.keySchema());
    }

    @Test
    void tableIsActiveRightAfterCreation() {
        String name = uniqueTableName("active");
        createHashTable(name);
        assertEquals(TableStatus.ACTIVE, client.describeTable(r -> r.tableName(name)).table().tableStatus());
    }

    @Test
    void payPerRequestTableHasZeroThroughputAndABillingSummary() {
        TableDescription d = createHashTable(uniqueTableName("ondemand"));
        assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
        assertNull(d.billingModeSummary().lastUpdateToPayPerRequestDateTime(), "set once the table is ACTIVE");
        assertEquals(0L, d.provisionedThroughput().readCapacityUnits());
        assertEquals(0L, d.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void indexesAreDescribedWithArnsAndGlobalOnesAsCreating() {
        String name = uniqueTableName("indexes");
        TableDescription d = client.createTable(CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attribute("a"), attribute("b"), attribute("c"))
                .keySchema(key("a", KeyType.HASH), key("b", KeyType.RANGE))
                .provisionedThroughput(throughput(3, 4))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byC")
                        .keySchema(key("a", KeyType.HASH), key("c", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x", "y").build()).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCB")
                        .keySchema(key("c", KeyType.HASH), key("b", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .provisionedThroughput(throughput(5, 6)).build())
                .build()).tableDescription();
        LocalSecondaryIndexDescription lsi = d.localSecondaryIndexes().get(0);
        assertEquals("byC", lsi.indexName());
        assertEquals(List.of("x", "y"), lsi.projection().nonKeyAttributes());
        assertEquals(d.tableArn() + "/index/byC", lsi.indexArn());
        assertEquals(0L, lsi.itemCount());
        GlobalSecondaryIndexDescription gsi = d.globalSecondaryIndexes().get(0);
        assertEquals(IndexStatus.CREATING, gsi.indexStatus());
        assertEquals(5L, gsi.provisionedThroughput().readCapacityUnits());
        assertEquals(6L, gsi.provisionedThroughput().writeCapacityUnits());
        assertEquals(d.tableArn() + "/index/byCB", gsi.indexArn());
        assertEquals(IndexStatus.ACTIVE, client.describeTable(r -> r.tableName(name)).table().globalSecondaryIndexes().get(0).indexStatus());
    }

    @Test
    void streamTableClassAndDeletionProtectionAreDescribed() {
        String name = uniqueTableName("extras");
        TableDescription d = client.createTable(hashTable(name)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .deletionProtectionEnabled(true)
                .build()).tableDescription();
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, d.streamSpecification().streamViewType());
        assertTrue(d.latestStreamLabel().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), d.latestStreamLabel());
        assertEquals(d.tableArn() + "/stream/" + d.latestStreamLabel(), d.latestStreamArn());
        assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, d.tableClassSummary().tableClass());
        assertTrue(d.deletionProtectionEnabled());
    }

    @Test
    void kmsEncryptionIsDescribed() {
        TableDescription d = client.createTable(hashTable(uniqueTableName("sse"))
                .sseSpecification(SSESpecification.builder().enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("alias/mine").build())
                .build()).tableDescription();
        assertEquals(SSEStatus.ENABLED, d.sseDescription().status());
        assertEquals(SSEType.KMS, d.sseDescription().sseType());
        assertEquals("arn:aws:kms:us-east-1:000000000000:alias/mine", d.sseDescription().kmsMasterKeyArn());
    }

    @Test
    void defaultEncryptionIsNotDescribed() {
        TableDescription d = client.createTable(hashTable(uniqueTableName("nosse"))
                .sseSpecification(SSESpecification.builder().enabled(false).build()).build()).tableDescription();
        assertNull(d.sseDescription());
    }

    @Test
    void onDemandMaximumIsDescribed() {
        TableDescription d = client.createTable(hashTable(uniqueTableName("maxod"))
                .onDemandThroughput(OnDemandThroughput.builder().maxReadRequestUnits(100L).build()).build()).tableDescription();
        assertEquals(100L, d.onDemandThroughput().maxReadRequestUnits());
        assertEquals(-1L, d.onDemandThroughput().maxWriteRequestUnits(), "no maximum");
    }

    @Test
    void tableNameMayBeTheTableArn() {
        String name = uniqueTableName("byarn");
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
        assertEquals(name, client.createTable(hashTable(arn).build()).tableDescription().tableName());
        assertEquals(arn, client.describeTable(r -> r.tableName(name)).table().tableArn());
    }

    @Test
    void arnOfAnotherRegionIsRefused() {
        // Local choice: DynamoDB does not document this error.
        String arn = "arn:aws:dynamodb:eu-west-1:000000000000:table/elsewhere";
        assertDynamoError("ValidationException", "Invalid TableArn: " + arn, () -> client.createTable(hashTable(arn).build()));
    }

    // ------------------------------------------------------------------ helpers

    private static String indexes(int count, boolean global) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) out.append(", ");
            out.append("{'IndexName': 'idx").append(i).append("', ").append(INDEX_AB).append(", ")
                    .append(global ? PT + ", " : "").append("'Projection': {'ProjectionType': 'ALL'}}");
        }
        return out.append("]").toString();
    }

    static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }
}
