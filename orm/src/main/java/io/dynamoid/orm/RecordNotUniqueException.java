package io.dynamoid.orm;

/** Saving a new record failed because an item with the same key already exists. */
public class RecordNotUniqueException extends DynamoidException {
    public RecordNotUniqueException(String message) {
        super(message);
    }

    public RecordNotUniqueException(String message, Throwable cause) {
        super(message, cause);
    }
}
