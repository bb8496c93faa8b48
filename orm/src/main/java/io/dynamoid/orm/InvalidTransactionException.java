package io.dynamoid.orm;

/**
 * A transaction refused before anything was sent, as DynamoDB would refuse it: more actions than it allows,
 * two actions on the same item, or a transaction used after it was committed or rolled back.
 */
public class InvalidTransactionException extends DynamoidException {
    public InvalidTransactionException(String message) {
        super(message);
    }
}
