package io.dynamoid.orm;

import java.util.List;

/**
 * Saving was refused because the record is invalid (its field constraints or its {@code validate} hook);
 * nothing was written. Raised by {@code saveOrThrow} and the other throwing variants.
 */
public class DocumentNotValidException extends DynamoidException {
    private final transient Model<?> record;
    private final transient List<Violation> violations;
    private final List<String> errors;

    public DocumentNotValidException(Model<?> record, List<Violation> violations) {
        super("Validation failed for " + record.getClass().getSimpleName() + ": "
                + String.join(", ", violations.stream().map(Violation::fullMessage).toList()));
        this.record = record;
        this.violations = List.copyOf(violations);
        this.errors = violations.stream().map(Violation::fullMessage).toList();
    }

    /** The record that failed validation. */
    public Model<?> record() {
        return record;
    }

    /** One message per violation, e.g. "name must not be blank". */
    public List<String> errors() {
        return errors;
    }

    /** The violations: constraint ones with their property, the validate hook's with none. */
    public List<Violation> violations() {
        return violations;
    }
}
