package io.dynamoid.orm;

/** A value that a field or key cannot hold, e.g. a String assigned to a numeric field. */
public class InvalidValueException extends DynamoidException {
    public InvalidValueException(String message) {
        super(message);
    }

    public InvalidValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
