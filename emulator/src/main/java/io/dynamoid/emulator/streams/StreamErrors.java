package io.dynamoid.emulator.streams;

import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;

/** The errors of the DynamoDB Streams API, worded as DynamoDB Streams words them. */
public final class StreamErrors {
    private StreamErrors() {
    }

    /** As DynamoDB Streams (and DynamoDB Local) answer an unknown stream ARN. */
    public static DynamoException streamNotFound(String arn) {
        return Errors.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }

    /** As DynamoDB Streams answers GetShardIterator for a shard the stream does not have. */
    public static DynamoException shardNotFound() {
        return Errors.resourceNotFound("Requested resource not found: Shard does not exist");
    }

    public static DynamoException expiredIterator() {
        return new DynamoException(Errors.DYNAMODB + "ExpiredIteratorException", "Shard iterator has expired", 400);
    }

    public static DynamoException trimmedData() {
        return new DynamoException(Errors.DYNAMODB + "TrimmedDataAccessException",
                "The data you are trying to access has been trimmed", 400);
    }
}
