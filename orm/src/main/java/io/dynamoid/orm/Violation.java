package io.dynamoid.orm;

/**
 * One reason a record is invalid: a Bean Validation constraint on a property (its path, e.g. {@code "email"} or
 * {@code "address.city"}), or a message of the model's {@code validate(List)} hook (property null).
 *
 * @param property     the property path, or null for a message of the validate hook
 * @param message      the constraint's message, e.g. "must not be blank"
 * @param invalidValue the rejected value (null for the validate hook)
 */
public record Violation(String property, String message, Object invalidValue) {
    /** The message prefixed by its property ("email must be a well-formed email address"). */
    public String fullMessage() {
        return property == null || property.isEmpty() ? message : property + " " + message;
    }
}
