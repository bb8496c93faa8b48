package io.dynamoid.orm;

/** A callback halted the save ({@code saveOrThrow}): nothing was written (Dynamoid's {@code RecordNotSaved}). */
public class RecordNotSavedException extends DynamoidException {
    public RecordNotSavedException(String message) {
        super(message);
    }
}
