package io.dynamoid.orm;

/** A persisted record's hash or range key was changed: DynamoDB cannot update a key; create a new record. */
public class ImmutableKeyException extends DynamoidException {
    public ImmutableKeyException(String message) {
        super(message);
    }
}
