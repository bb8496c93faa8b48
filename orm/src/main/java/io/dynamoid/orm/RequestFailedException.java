package io.dynamoid.orm;

/** A DynamoDB request failed for a reason without a more specific exception; the SDK's exception is the cause. */
public class RequestFailedException extends DynamoidException {
    public RequestFailedException(String message) {
        super(message);
    }

    public RequestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
