package io.dynamoid.orm;

/** A callback halted the destroy ({@code destroyOrThrow}): nothing was deleted (Dynamoid's {@code RecordNotDestroyed}). */
public class RecordNotDestroyedException extends DynamoidException {
    public RecordNotDestroyedException(String message) {
        super(message);
    }
}
