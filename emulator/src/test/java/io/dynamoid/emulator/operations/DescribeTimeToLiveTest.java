package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** DescribeTimeToLive; messages pinned by dynalite's test/describeTimeToLive.js. */
class DescribeTimeToLiveTest extends TableTestSupport {
    private static final String OP = "DescribeTimeToLive";

    @Test
    void tableNameIsTypedRequiredAndValidated() {
        assertSerialization(OP, "{'TableName': {}}", "Start of structure or map found where not expected");
        assertValidation(OP, "{}", "The parameter 'TableName' is required but was not present in the request");
        assertValidation(OP, "{'TableName': 'abc;'}",
                "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void missingTableIsNotFoundWithItsName() {
        String name = uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found",
                () -> client.describeTimeToLive(r -> r.tableName(name)));
    }

    @Test
    void newTableHasTtlDisabled() {
        String name = uniqueTableName("fresh");
        createHashTable(name);
        TimeToLiveDescription d = client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.DISABLED, d.timeToLiveStatus());
        assertNull(d.attributeName());
    }

    @Test
    void tableNameMayBeTheTableArn() {
        String arn = createHashTable(uniqueTableName("ttlarn")).tableArn();
        assertEquals(TimeToLiveStatus.DISABLED, client.describeTimeToLive(r -> r.tableName(arn)).timeToLiveDescription().timeToLiveStatus());
    }
}
