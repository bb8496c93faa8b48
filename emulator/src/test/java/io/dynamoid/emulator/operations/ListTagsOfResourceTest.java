package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.dynamoid.emulator.operations.TagResourceTest.ARN_PREFIX;
import static io.dynamoid.emulator.operations.TagResourceTest.tag;
import static io.dynamoid.emulator.operations.TagResourceTest.tagsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ListTagsOfResource; messages pinned by dynalite's test/listTagsOfResource.js. */
class ListTagsOfResourceTest extends TableTestSupport {
    private static final String OP = "ListTagsOfResource";

    @Test
    void resourceArnOfTheWrongTypeIsASerializationError() {
        assertSerialization(OP, "{'ResourceArn': []}", "Unrecognized collection type class java.lang.String");
    }

    @Test
    void resourceArnIsValidated() {
        assertValidation(OP, "{}", "Invalid TableArn");
        assertRawError(OP, "{'ResourceArn': 'a:b:c:d:e:f'}", "AccessDeniedException",
                "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:ListTagsOfResource on resource: a:b:c:d:e:f");
        assertValidation(OP, "{'ResourceArn': 'a:b:c:d:e:f/g'}", "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g");
    }

    @Test
    void unknownTableIsNotFound() {
        String arn = ARN_PREFIX + uniqueTableName("missing");
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: ResourcArn: " + arn + " not found",
                () -> client.listTagsOfResource(r -> r.resourceArn(arn)));
    }

    @Test
    void arnOfAnotherRegionIsNotFound() {
        String name = uniqueTableName("region");
        createHashTable(name);
        String arn = "arn:aws:dynamodb:eu-west-1:000000000000:table/" + name;
        assertDynamoError("ResourceNotFoundException", "Requested resource not found: ResourcArn: " + arn + " not found",
                () -> client.listTagsOfResource(r -> r.resourceArn(arn)));
    }

    @Test
    void untaggedTableHasAnEmptyList() {
        String arn = createHashTable(uniqueTableName("untagged")).tableArn();
        var response = client.listTagsOfResource(r -> r.resourceArn(arn));
        assertTrue(response.hasTags());
        assertTrue(response.tags().isEmpty());
        assertNull(response.nextToken());
    }

    @Test
    void tagsAreListedInTheOrderTheyWereFirstSet() {
        String arn = createHashTable(uniqueTableName("ordered")).tableArn();
        client.tagResource(r -> r.resourceArn(arn).tags(tag("z", "1"), tag("a", "2")));
        assertEquals(List.of(tag("z", "1"), tag("a", "2")), tagsOf(arn));
    }
}
