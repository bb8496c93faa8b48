package io.dynamoid.orm;

/** A record or key lacks its partition (hash) key value. */
public class MissingHashKeyException extends DynamoidException {
    public MissingHashKeyException(String message) {
        super(message);
    }

    public MissingHashKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
