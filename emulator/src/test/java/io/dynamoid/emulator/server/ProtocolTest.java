package io.dynamoid.emulator.server;

import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.RawClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP edge: health, targets, JSON syntax, authentication headers and response headers. */
class ProtocolTest extends EmulatorTestBase {

    @Test
    void getAnswersHealthCheck() {
        RawClient.Answer answer = raw.send(HttpRequest.newBuilder(raw.endpoint()).GET());
        assertEquals(200, answer.status());
        assertEquals("healthy: dynamodb.us-east-1.amazonaws.com ", answer.body());
    }

    @Test
    void unknownTargetAnswersUnknownOperationException() {
        RawClient.Answer answer = raw.call("NoSuchOperation", "{}");
        assertEquals(400, answer.status());
        assertEquals("com.amazon.coral.service#UnknownOperationException", answer.json().get("__type").asText());
    }

    @Test
    void targetOfAnotherServiceVersionIsUnknown() {
        RawClient.Answer answer = raw.send(HttpRequest.newBuilder(raw.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20111205.ListTables")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=x")
                .header("X-Amz-Date", "20261125T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals("UnknownOperationException", answer.errorType());
    }

    @Test
    void malformedJsonAnswersSerializationException() {
        RawClient.Answer answer = raw.call("ListTables", "{\"Limit\": ");
        assertEquals(400, answer.status());
        assertEquals("com.amazon.coral.service#SerializationException", answer.json().get("__type").asText());
    }

    @Test
    void emptyBodyAnswersSerializationException() {
        RawClient.Answer answer = raw.call("ListTables", "");
        assertEquals("SerializationException", answer.errorType());
    }

    @Test
    void missingAuthorizationAnswersMissingAuthenticationToken() {
        RawClient.Answer answer = raw.send(HttpRequest.newBuilder(raw.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, answer.status());
        assertEquals("MissingAuthenticationTokenException", answer.errorType());
        assertEquals("Request is missing Authentication Token", answer.message());
    }

    @Test
    void incompleteAuthorizationAnswersIncompleteSignature() {
        String header = "AWS4-HMAC-SHA256 Signature=b";
        RawClient.Answer answer = raw.send(HttpRequest.newBuilder(raw.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Authorization", header)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals("IncompleteSignatureException", answer.errorType());
        assertEquals("Authorization header requires 'Credential' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=" + header, answer.message());
    }

    @Test
    void wrongContentTypeIsNotFound() {
        RawClient.Answer answer = raw.send(HttpRequest.newBuilder(raw.endpoint())
                .header("Content-Type", "text/plain")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, answer.status());
        assertEquals("<UnknownOperationException/>\n", answer.body());
    }

    @Test
    void responsesCarryCrc32AndRequestId() {
        RawClient.Answer answer = raw.call("ListTables", "{}");
        assertEquals(200, answer.status());
        CRC32 crc = new CRC32();
        crc.update(answer.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(Long.toString(crc.getValue()), answer.headers().get("x-amz-crc32").get(0));
        String requestId = answer.headers().get("x-amzn-requestid").get(0);
        assertEquals(52, requestId.length());
    }

    @Test
    void wrongTypeAnswersSerializationExceptionWithDynamoDbsMessage() {
        RawClient.Answer answer = raw.call("ListTables", "{\"Limit\": \"ten\"}");
        assertEquals("SerializationException", answer.errorType());
        assertEquals("STRING_VALUE cannot be converted to Integer", answer.message());
    }

    @Test
    void constraintViolationsAreCollectedInOneMessage() {
        RawClient.Answer answer = raw.call("ListTables", "{\"Limit\": 101, \"ExclusiveStartTableName\": \"a;\"}");
        assertEquals("ValidationException", answer.errorType());
        assertEquals("3 validation errors detected: "
                + "Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100; "
                + "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                + "Value 'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
                answer.message());
    }

    @Test
    void unknownMembersAreIgnored() {
        RawClient.Answer answer = raw.call("ListTables", "{\"Whatever\": [1, 2], \"Limit\": null}");
        assertEquals(200, answer.status());
        assertTrue(answer.json().get("TableNames").isArray());
        assertNull(answer.json().get("LastEvaluatedTableName"));
    }
}
