package io.dynamoid.orm.internal.meta;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Assigning any number to a numeric field ({@code updateAttribute("age", 5)} on a {@code Long age}). */
final class Numbers {
    private Numbers() {
    }

    static Object convert(Number n, Class<?> target) {
        if (target == Integer.class || target == int.class) {
            return n.intValue();
        }
        if (target == Long.class || target == long.class) {
            return n.longValue();
        }
        if (target == Double.class || target == double.class) {
            return n.doubleValue();
        }
        if (target == Float.class || target == float.class) {
            return n.floatValue();
        }
        if (target == Short.class || target == short.class) {
            return n.shortValue();
        }
        if (target == Byte.class || target == byte.class) {
            return n.byteValue();
        }
        if (target == BigDecimal.class) {
            return n instanceof BigDecimal ? n : new BigDecimal(n.toString());
        }
        if (target == BigInteger.class) {
            return n instanceof BigInteger ? n : new BigDecimal(n.toString()).toBigIntegerExact();
        }
        return n;
    }
}
