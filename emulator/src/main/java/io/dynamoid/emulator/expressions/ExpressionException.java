package io.dynamoid.emulator.expressions;

/**
 * A problem found in one expression, worded as DynamoDB words it after "Invalid XxxExpression: ". The
 * request-level code adds that prefix and turns it into a ValidationException.
 */
public final class ExpressionException extends RuntimeException {
    public ExpressionException(String message) {
        super(message, null, false, false);
    }
}
