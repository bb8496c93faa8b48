package io.dynamoid.orm;

/**
 * The root of every exception the ORM throws. Unchecked: a failed DynamoDB call is rarely something the
 * caller can handle on the spot. When DynamoDB (through the AWS SDK) caused the failure, the SDK's exception
 * is the {@linkplain #getCause() cause}.
 */
public abstract class DynamoidException extends RuntimeException {
    protected DynamoidException(String message) {
        super(message);
    }

    protected DynamoidException(String message, Throwable cause) {
        super(message, cause);
    }
}
