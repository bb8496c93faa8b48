package io.dynamoid.orm;

/** An association could not be changed, e.g. because a record to link could not be saved. */
public class AssociationException extends DynamoidException {
    public AssociationException(String message) {
        super(message);
    }
}
