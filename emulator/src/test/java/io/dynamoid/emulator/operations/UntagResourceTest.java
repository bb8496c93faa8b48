package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.dynamoid.emulator.operations.TagResourceTest.ARN_PREFIX;
import static io.dynamoid.emulator.operations.TagResourceTest.tag;
import static io.dynamoid.emulator.operations.TagResourceTest.tagsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** UntagResource; messages pinned by dynalite's test/untagResource.js. */
class UntagResourceTest extends TableTestSupport {
    private static final String OP = "UntagResource";

    @Test
    void membersOfTheWrongTypeAreASerializationError() {
        assertSerialization(OP, "{'ResourceArn': true}", "TRUE_VALUE cannot be converted to String");
        assertSerialization(OP, "{'TagKeys': 'a'}", "Unexpected field type");
        assertSerialization(OP, "{'TagKeys': [1]}", "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void resourceArnIsCheckedFirst() {
        assertValidation(OP, "{}", "Invalid TableArn");
        assertRawError(OP, "{'ResourceArn': 'abcd'}", "AccessDeniedException",
                "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:UntagResource on resource: abcd");
    }

    @Test
    void missingTagKeysAreReportedAfterTheArnShape() {
        assertValidation(OP, "{'ResourceArn': 'a:b:c:d:e:f/g'}",
                "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
        assertValidation(OP, "{'ResourceArn': 'a:b:c:d:e:f/g', 'TagKeys': []}", "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g");
    }

    @Test
    void atLeastOneTagKeyIsNeeded() {
        assertValidation(OP, "{'ResourceArn': '" + ARN_PREFIX + "abc', 'TagKeys': []}", "Atleast one Tag Key needs to be provided as Input.");
    }

    @Test
    void unknownTableIsNotFound() {
        String arn = ARN_PREFIX + uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found",
                () -> client.untagResource(r -> r.resourceArn(arn).tagKeys("a")));
    }

    @Test
    void tagsAreRemovedAndUnknownKeysIgnored() {
        String arn = createHashTable(uniqueTableName("untag")).tableArn();
        client.tagResource(r -> r.resourceArn(arn).tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));
        client.untagResource(r -> r.resourceArn(arn).tagKeys("a", "c", "never-set"));
        assertEquals(List.of(tag("b", "2")), tagsOf(arn));
    }
}
