package io.dynamoid.emulator.protocol;

import java.math.BigDecimal;

/** DynamoDB's number rules: 38 significant digits, magnitude from 1E-130 to 9.99...E+125. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Parses and normalizes a DynamoDB number, throwing {@link DynamoException} (ValidationException) with
     * DynamoDB's message when it is not a number or out of range.
     */
    public static BigDecimal parse(String text) {
        BigDecimal value = parseOrNull(text);
        if (value == null) {
            throw Errors.validation(text == null || text.isEmpty()
                    ? "The parameter cannot be converted to a numeric value"
                    : "The parameter cannot be converted to a numeric value: " + text);
        }
        return check(value);
    }

    /** Range and precision checks on an already computed number (also used after arithmetic). */
    public static BigDecimal check(BigDecimal value) {
        BigDecimal normalized = normalize(value);
        if (normalized.signum() == 0) return normalized;
        // exponent of the leading digit, as in scientific notation d.ddd × 10^e
        int exponent = normalized.precision() - normalized.scale() - 1;
        if (exponent > 125) {
            throw Errors.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < -130) {
            throw Errors.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (normalized.precision() > 38) {
            throw Errors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return normalized;
    }

    public static BigDecimal normalize(BigDecimal value) {
        if (value.signum() == 0) return BigDecimal.ZERO;
        return value.stripTrailingZeros();
    }

    private static BigDecimal parseOrNull(String text) {
        if (text == null || text.isEmpty()) return null;
        // Java accepts forms DynamoDB refuses (and vice versa little); keep to sign, digits, dot, exponent.
        // No surrounding whitespace either: " 12 " is not a number (as dynalite answers).
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
