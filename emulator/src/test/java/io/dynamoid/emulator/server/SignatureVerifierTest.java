package io.dynamoid.emulator.server;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.RawClient;
import io.dynamoid.emulator.protocol.DynamoException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code requireSignature}: AWS Signature V4 checked against configured secrets, with DynamoDB's errors. */
class SignatureVerifierTest {
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().requireSignature(Map.of("AKIDGOOD", "right-secret", "AKIDOTHER", "other/secret+=")).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static DynamoDbClient client(String accessKey, String secret) {
        return DynamoDbClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    @Test
    void sdkSigningWithTheRightSecretIsServed() {
        try (DynamoDbClient client = client("AKIDGOOD", "right-secret")) {
            client.createTable(b -> b.tableName("signed").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            // a body with non-ASCII text: the payload hash covers its UTF-8 bytes
            client.putItem(b -> b.tableName("signed").item(Map.of("id", AttributeValue.fromS("\u00e9t\u00e9 \u4e2d"))));
            assertEquals(1, client.scan(b -> b.tableName("signed")).count());
        }
    }

    @Test
    void secondConfiguredKeyWithSlashAndPlusInItsSecretIsServed() {
        try (DynamoDbClient client = client("AKIDOTHER", "other/secret+=")) {
            assertDoesNotThrow(() -> client.listTables());
        }
    }

    @Test
    void wrongSecretAnswersInvalidSignature() {
        try (DynamoDbClient client = client("AKIDGOOD", "wrong-secret")) {
            DynamoDbException e = assertThrows(DynamoDbException.class, client::listTables);
            assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
            assertEquals(400, e.statusCode());
            // dynalite index.js: DynamoDB's message, then the canonical request and string to sign it expected
            assertTrue(e.awsErrorDetails().errorMessage().startsWith(MISMATCH + "\n\nThe Canonical String for this request should have been\n'POST\n/\n"),
                    e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void unknownAccessKeyAnswersUnrecognizedClient() {
        try (DynamoDbClient client = client("AKIDUNKNOWN", "right-secret")) {
            DynamoDbException e = assertThrows(DynamoDbException.class, client::listTables);
            assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
            assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void unsignedRequestAnswersMissingAuthenticationToken() {
        RawClient.Answer answer = new RawClient(emulator.endpoint(), "AKIDGOOD", "us-east-1").send(
                HttpRequest.newBuilder(emulator.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, answer.status());
        assertEquals("MissingAuthenticationTokenException", answer.errorType());
        assertEquals("Request is missing Authentication Token", answer.message());
    }

    @Test
    void staleDateOverHttpAnswersSignatureExpired() {
        // RawClient signs with a fixed date long past
        RawClient.Answer answer = new RawClient(emulator.endpoint(), "AKIDGOOD", "us-east-1").call("ListTables", "{}");
        assertEquals("InvalidSignatureException", answer.errorType());
        assertTrue(answer.message().startsWith("Signature expired: 20261125T000000Z is now earlier than "), answer.message());
    }

    @Test
    void expiredDateAnswersDynamoDbsMessage() {
        SignatureVerifier verifier = verifierAt("2013-06-09T10:00:15Z");
        DynamoException e = assertThrows(DynamoException.class, () -> verifier.verify(request("20130301T000000Z", "x")));
        // dynalite index.js, quoting DynamoDB
        assertEquals("Signature expired: 20130301T000000Z is now earlier than 20130609T094515Z (20130609T100015Z - 15 min.)",
                e.getMessage());
        assertTrue(e.type().endsWith("#InvalidSignatureException"));
    }

    @Test
    void dateTooFarAheadIsNotYetCurrent() {
        SignatureVerifier verifier = verifierAt("2013-06-09T10:00:15Z");
        DynamoException e = assertThrows(DynamoException.class, () -> verifier.verify(request("20130609T110000Z", "x")));
        assertEquals("Signature not yet current: 20130609T110000Z is still later than 20130609T101515Z (20130609T100015Z + 15 min.)",
                e.getMessage());
    }

    @Test
    void malformedDateAnswersIncompleteSignature() {
        SignatureVerifier verifier = verifierAt("2013-06-09T10:00:15Z");
        DynamoException e = assertThrows(DynamoException.class, () -> verifier.verify(request("201", "x")));
        assertEquals("Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601", e.getMessage());
        assertTrue(e.type().endsWith("#IncompleteSignatureException"));
    }

    @Test
    void awsPublishedGetVanillaExampleVerifies() {
        // AWS SigV4 test suite, "get-vanilla"
        SignatureVerifier verifier = new SignatureVerifier(Map.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));
        SignatureVerifier.SignedRequest request = new SignatureVerifier.SignedRequest("GET", "/", null, Map.of(
                "host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new byte[0]);
        assertDoesNotThrow(() -> verifier.verify(request));
    }

    @Test
    void credentialsFlagTakesKeySecretPairsWhoseSecretsMayHoldColons() {
        Main.Options options = Main.Options.parse(new String[]{"--require-signature", "--credentials", "AKID1:s1,AKID2:s:2"});
        assertTrue(options.requireSignature);
        assertEquals(Map.of("AKID1", "s1", "AKID2", "s:2"), options.credentials);
    }

    @Test
    void requireSignatureWithoutCredentialsDoesNotStart() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[]{"--require-signature"}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--require-signature needs --credentials"), err.toString());
    }

    private static SignatureVerifier verifierAt(String now) {
        return new SignatureVerifier(Map.of("AKIDGOOD", "right-secret"), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static SignatureVerifier.SignedRequest request(String amzDate, String signature) {
        return new SignatureVerifier.SignedRequest("POST", "/", null, Map.of("host", "localhost", "x-amz-date", amzDate,
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDGOOD/20130609/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=" + signature), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
