package io.dynamoid.orm;

import java.util.List;

/** Saving was refused because the record's {@code validate} hook reported errors; nothing was written. */
public class DocumentNotValidException extends DynamoidException {
    private final transient Model<?> record;
    private final List<String> errors;

    public DocumentNotValidException(Model<?> record, List<String> errors) {
        super("Validation failed for " + record.getClass().getSimpleName() + ": " + String.join(", ", errors));
        this.record = record;
        this.errors = List.copyOf(errors);
    }

    /** The record that failed validation. */
    public Model<?> record() {
        return record;
    }

    /** The messages reported by the record's {@code validate} hook. */
    public List<String> errors() {
        return errors;
    }
}
