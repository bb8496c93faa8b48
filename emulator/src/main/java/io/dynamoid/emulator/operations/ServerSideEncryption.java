package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** SSESpecification (CreateTable, UpdateTable) as the KMS key DescribeTable's SSEDescription names. */
final class ServerSideEncryption {
    private ServerSideEncryption() {
    }

    /**
     * The KMS key ARN an SSESpecification asks for, or null when it leaves the table on the AWS owned key
     * (which DynamoDB does not describe). Without KMSMasterKeyId DynamoDB uses the AWS managed key
     * {@code alias/aws/dynamodb}; this emulator names a stable key id for it per region.
     *
     * @param tableArn the table's ARN, whose region and account the key shares
     */
    static String kmsKeyArn(JsonNode sse, String tableArn) {
        if (sse == null || !sse.path("Enabled").booleanValue()) return null;
        String[] arn = tableArn.split(":");
        String region = arn[3];
        String prefix = "arn:aws:kms:" + region + ":" + arn[4] + ":";
        JsonNode keyId = sse.get("KMSMasterKeyId");
        if (keyId == null) {
            return prefix + "key/" + UUID.nameUUIDFromBytes(("alias/aws/dynamodb@" + region).getBytes(StandardCharsets.UTF_8));
        }
        String key = keyId.textValue();
        if (key.startsWith("arn:")) return key;
        return prefix + (key.startsWith("alias/") ? key : "key/" + key);
    }
}
