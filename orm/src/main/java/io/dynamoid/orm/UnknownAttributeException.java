package io.dynamoid.orm;

/** An attribute name that the model does not declare. */
public class UnknownAttributeException extends DynamoidException {
    public UnknownAttributeException(String message) {
        super(message);
    }

    public UnknownAttributeException(String message, Throwable cause) {
        super(message, cause);
    }
}
