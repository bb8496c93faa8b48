package io.dynamoid.orm;

/** An optimistic-locking write failed: the item's lock version changed since this record was read. */
public class StaleObjectException extends DynamoidException {
    public StaleObjectException(String message) {
        super(message);
    }

    public StaleObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
