package io.dynamoid.orm;

/** A model class is not a valid model: e.g. two hash keys, an index on an unknown field, an unsupported field type. */
public class ModelDefinitionException extends DynamoidException {
    public ModelDefinitionException(String message) {
        super(message);
    }

    public ModelDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
