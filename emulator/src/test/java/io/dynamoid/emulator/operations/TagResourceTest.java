package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** TagResource; messages pinned by dynalite's test/tagResource.js unless noted. */
class TagResourceTest extends TableTestSupport {
    private static final String OP = "TagResource";
    static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    static List<Tag> tagsOf(String arn) {
        return client.listTagsOfResource(r -> r.resourceArn(arn)).tags();
    }

    @Test
    void membersOfTheWrongTypeAreASerializationError() {
        assertSerialization(OP, "{'ResourceArn': 1}", "NUMBER_VALUE cannot be converted to String");
        assertSerialization(OP, "{'Tags': {}}", "Start of structure or map found where not expected");
        assertSerialization(OP, "{'Tags': ['a']}", "Unexpected value type in payload");
        assertSerialization(OP, "{'Tags': [{'Value': 2}]}", "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void missingResourceArnIsAnInvalidTableArn() {
        assertValidation(OP, "{}", "Invalid TableArn");
    }

    @Test
    void resourceArnThatIsNoArnIsAccessDenied() {
        assertRawError(OP, "{'ResourceArn': ''}", "AccessDeniedException",
                "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:TagResource on resource: *");
        assertRawError(OP, "{'ResourceArn': 'a:b:c:d:e/f'}", "AccessDeniedException",
                "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:TagResource on resource: a:b:c:d:e/f");
    }

    @Test
    void missingTagsAreReportedAfterTheArnShape() {
        assertValidation(OP, "{'ResourceArn': 'a:b:c:d:e:f/g'}",
                "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void resourceArnMustBeATableArn() {
        assertValidation(OP, "{'ResourceArn': 'a:b:c:d:e:f/g', 'Tags': []}", "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g");
        assertValidation(OP, "{'ResourceArn': '" + ARN_PREFIX + "ab', 'Tags': []}", "Invalid TableArn: Invalid ResourceArn provided as input " + ARN_PREFIX + "ab");
    }

    @Test
    void atLeastOneTagIsNeeded() {
        assertValidation(OP, "{'ResourceArn': '" + ARN_PREFIX + "abc', 'Tags': []}", "Atleast one Tag needs to be provided as Input.");
    }

    @Test
    void tagKeyLengthIsBounded() {
        // TagKeyString: 1..128 (DynamoDB API reference, Tag).
        String key = "k".repeat(129);
        assertValidation(OP, "{'ResourceArn': '" + ARN_PREFIX + "abc', 'Tags': [{'Key': '" + key + "', 'Value': 'v'}]}",
                "1 validation error detected: Value '" + key + "' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128");
    }

    @Test
    void unknownTableIsNotFound() {
        String arn = ARN_PREFIX + uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: ResourcArn: " + arn + " not found",
                () -> client.tagResource(r -> r.resourceArn(arn).tags(tag("a", "b"))));
    }

    @Test
    void tagsAreAddedAndExistingKeysReplaced() {
        String arn = createHashTable(uniqueTableName("tagged")).tableArn();
        client.tagResource(r -> r.resourceArn(arn).tags(tag("env", "test"), tag("team", "a")));
        client.tagResource(r -> r.resourceArn(arn).tags(tag("team", "b")));
        assertEquals(List.of(tag("env", "test"), tag("team", "b")), tagsOf(arn));
    }

    @Test
    void tagsGivenAtCreationAreListed() {
        String name = uniqueTableName("created");
        String arn = client.createTable(hashTable(name).tags(tag("k", "v")).build()).tableDescription().tableArn();
        assertEquals(List.of(tag("k", "v")), tagsOf(arn));
    }

    @Test
    void atMostFiftyTagsPerTable() {
        // The limit is documented; the wording of DynamoDB's error is not (local choice).
        String arn = createHashTable(uniqueTableName("many")).tableArn();
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) fifty.add(tag("k" + i, "v"));
        client.tagResource(r -> r.resourceArn(arn).tags(fifty));
        assertDynamoError("LimitExceededException", "The number of tags exceeds the limit of 50 tags per resource.",
                () -> client.tagResource(r -> r.resourceArn(arn).tags(tag("one-more", "v"))));
        assertEquals(50, tagsOf(arn).size());
    }
}
