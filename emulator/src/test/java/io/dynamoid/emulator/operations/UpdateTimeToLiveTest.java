package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** UpdateTimeToLive; messages pinned by dynalite's test/updateTimeToLive.js unless noted. */
class UpdateTimeToLiveTest extends TableTestSupport {
    private static final String OP = "UpdateTimeToLive";

    static TimeToLiveSpecification ttl(boolean enabled, String attribute) {
        return TimeToLiveSpecification.builder().enabled(enabled).attributeName(attribute).build();
    }

    private static TimeToLiveDescription describeTtl(String name) {
        return client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
    }

    @Test
    void membersOfTheWrongTypeAreASerializationError() {
        assertSerialization(OP, "{'TableName': 1}", "NUMBER_VALUE cannot be converted to String");
        assertSerialization(OP, "{'TimeToLiveSpecification': 'x'}", "Unexpected field type");
        assertSerialization(OP, "{'TimeToLiveSpecification': {'AttributeName': true}}", "TRUE_VALUE cannot be converted to String");
        assertSerialization(OP, "{'TimeToLiveSpecification': {'Enabled': 'maybe'}}", "Unexpected token received from parser");
    }

    @Test
    void tableNameIsRequiredAndValidated() {
        assertValidation(OP, "{}", "The parameter 'TableName' is required but was not present in the request");
        assertValidation(OP, "{'TableName': ''}", "TableName must be at least 3 characters long and at most 255 characters long");
    }

    @Test
    void specificationMembersMustNotBeNull() {
        assertValidation(OP, "{'TableName': 'abc', 'TimeToLiveSpecification': {}}", "2 validation errors detected: "
                + "Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void specificationIsNeeded() {
        // TimeToLiveSpecification is required by the API model.
        assertValidation(OP, "{'TableName': 'abc;'}", "2 validation errors detected: "
                + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                + "Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void attributeNameMustNotBeEmpty() {
        assertValidation(OP, "{'TableName': 'abc', 'TimeToLiveSpecification': {'AttributeName': '', 'Enabled': true}}",
                "TimeToLiveSpecification.AttributeName must be non empty");
    }

    @Test
    void attributeNameIsAtMost255Characters() {
        // TimeToLiveAttributeName: 1..255 (DynamoDB API reference).
        String name = "a".repeat(256);
        assertValidation(OP, "{'TableName': 'abc', 'TimeToLiveSpecification': {'AttributeName': '" + name + "', 'Enabled': true}}",
                "1 validation error detected: Value '" + name + "' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255");
    }

    @Test
    void missingTableIsNotFoundWithItsName() {
        String name = uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found",
                () -> client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "id"))));
    }

    @Test
    void enablingEchoesTheSpecificationAndIsDescribed() {
        String name = uniqueTableName("ttl");
        createHashTable(name);
        TimeToLiveSpecification answer = client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "expires")))
                .timeToLiveSpecification();
        assertEquals(ttl(true, "expires"), answer);
        assertEquals(TimeToLiveStatus.ENABLED, describeTtl(name).timeToLiveStatus());
        assertEquals("expires", describeTtl(name).attributeName());
    }

    @Test
    void disablingAnswersWithoutTheAttribute() {
        String name = uniqueTableName("ttloff");
        createHashTable(name);
        client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "expires")));
        TimeToLiveSpecification answer = client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(false, "expires")))
                .timeToLiveSpecification();
        assertFalse(answer.enabled());
        assertNull(answer.attributeName());
        assertEquals(TimeToLiveStatus.DISABLED, describeTtl(name).timeToLiveStatus());
        assertNull(describeTtl(name).attributeName());
    }

    @Test
    void enablingTwiceIsRefused() {
        String name = uniqueTableName("ttltwice");
        createHashTable(name);
        client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "expires")));
        assertDynamoError("ValidationException", "TimeToLive is already enabled",
                () -> client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(true, "other"))));
        assertEquals("expires", describeTtl(name).attributeName());
    }

    @Test
    void disablingWhenDisabledIsRefused() {
        String name = uniqueTableName("ttlnever");
        createHashTable(name);
        assertDynamoError("ValidationException", "TimeToLive is already disabled",
                () -> client.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(ttl(false, "expires"))));
    }

    @Test
    void tableNameMayBeTheTableArn() {
        String name = uniqueTableName("ttlarn");
        String arn = createHashTable(name).tableArn();
        client.updateTimeToLive(r -> r.tableName(arn).timeToLiveSpecification(ttl(true, "expires")));
        assertEquals("expires", describeTtl(arn).attributeName());
    }
}
