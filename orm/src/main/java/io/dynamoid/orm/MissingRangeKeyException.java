package io.dynamoid.orm;

/** A record or key of a model with a sort (range) key lacks the range key value. */
public class MissingRangeKeyException extends DynamoidException {
    public MissingRangeKeyException(String message) {
        super(message);
    }

    public MissingRangeKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
