package io.dynamoid.emulator.protocol;

import java.util.List;

/** One factory per DynamoDB error, with the exact {@code __type} DynamoDB sends. */
public final class Errors {
    public static final String CORAL = "com.amazon.coral.service#";
    public static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private Errors() {
    }

    public static DynamoException validation(String message) {
        return new DynamoException("com.amazon.coral.validate#ValidationException", message, 400);
    }

    public static DynamoException serialization(String message) {
        return new DynamoException(CORAL + "SerializationException", message, 400, true);
    }

    public static DynamoException unknownOperation() {
        return new DynamoException(CORAL + "UnknownOperationException", null, 400);
    }

    public static DynamoException missingAuthenticationToken() {
        return new DynamoException(CORAL + "MissingAuthenticationTokenException",
                "Request is missing Authentication Token", 400);
    }

    public static DynamoException incompleteSignature(String message) {
        return new DynamoException(CORAL + "IncompleteSignatureException", message, 400);
    }

    public static DynamoException invalidSignature(String message) {
        return new DynamoException(CORAL + "InvalidSignatureException", message, 400);
    }

    public static DynamoException unrecognizedClient(String message) {
        return new DynamoException(CORAL + "UnrecognizedClientException", message, 400);
    }

    /** Sent with {@code "Message"} (capital M), like the other coral.service errors. */
    public static DynamoException accessDenied(String message) {
        return new DynamoException(CORAL + "AccessDeniedException", message, 400, true);
    }

    public static DynamoException resourceNotFound(String message) {
        return new DynamoException(DYNAMODB + "ResourceNotFoundException", message, 400);
    }

    public static DynamoException resourceInUse(String message) {
        return new DynamoException(DYNAMODB + "ResourceInUseException", message, 400);
    }

    public static DynamoException conditionalCheckFailed(String message) {
        return new DynamoException(DYNAMODB + "ConditionalCheckFailedException",
                message == null ? "The conditional request failed" : message, 400);
    }

    /** A transaction refused as a whole; {@code reasons} say why, one per action in request order. */
    public static DynamoException transactionCanceled(List<TransactionCanceledException.Reason> reasons) {
        return new TransactionCanceledException(reasons);
    }

    /** A ClientRequestToken reused within its 10 minutes for a different request. */
    public static DynamoException idempotentParameterMismatch() {
        // Message as real DynamoDB sends it (quoted in aexhq/brain PR #58's logs).
        return new DynamoException(DYNAMODB + "IdempotentParameterMismatchException",
                "Specified idempotent token was used with different request parameters within the idempotency window", 400);
    }

    /** A ClientRequestToken reused while the first request with it is still running. */
    public static DynamoException transactionInProgress() {
        // Message as real DynamoDB sends it (aws/aws-sdk-java-v2 issue #2518).
        return new DynamoException(DYNAMODB + "TransactionInProgressException",
                "Transaction from previous request is still in progress", 400);
    }

    public static DynamoException limitExceeded(String message) {
        return new DynamoException(DYNAMODB + "LimitExceededException", message, 400);
    }

    public static DynamoException internal(String message) {
        return new DynamoException(DYNAMODB + "InternalServerError", message, 500);
    }

    /** Table-level "not found" as DynamoDB words it for item operations. */
    public static DynamoException tableNotFound() {
        return resourceNotFound("Requested resource not found");
    }
}
