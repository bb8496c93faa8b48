package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Bytes;
import io.dynamoid.emulator.storage.KeyOrder;

import java.util.List;

/**
 * One condition of a Query's key condition, whichever way it was written (KeyConditions or
 * KeyConditionExpression): EQ on the partition key; EQ, LT, LE, GT, GE, BETWEEN or BEGINS_WITH on the sort key.
 */
record KeyCondition(String attribute, String operator, List<AttrValue> values) {

    AttrValue value() {
        return values.get(0);
    }

    /** Whether a key value satisfies this condition (values of another type never do). */
    boolean matches(AttrValue key) {
        AttrValue first = values.get(0);
        if (key == null || !key.type().equals(first.type())) return false;
        int c = KeyOrder.INSTANCE.compare(key, first);
        return switch (operator) {
            case "EQ" -> c == 0;
            case "LT" -> c < 0;
            case "LE" -> c <= 0;
            case "GT" -> c > 0;
            case "GE" -> c >= 0;
            case "BETWEEN" -> c >= 0 && KeyOrder.INSTANCE.compare(key, values.get(1)) <= 0;
            case "BEGINS_WITH" -> key instanceof AttrValue.S s
                    ? s.value().startsWith(((AttrValue.S) first).value())
                    : ((AttrValue.B) key).value().startsWith(((AttrValue.B) first).value());
            default -> false;
        };
    }

    /**
     * The smallest key value above every value that begins with {@code prefix}, or null when there is none
     * (the prefix is all maximal characters or bytes). With it, begins_with is a plain key range.
     */
    static AttrValue prefixSuccessor(AttrValue prefix) {
        if (prefix instanceof AttrValue.S s) {
            int[] codePoints = s.value().codePoints().toArray();
            for (int i = codePoints.length - 1; i >= 0; i--) {
                if (codePoints[i] < Character.MAX_CODE_POINT) {
                    int next = codePoints[i] == 0xD7FF ? 0xE000 : codePoints[i] + 1;
                    StringBuilder successor = new StringBuilder().appendCodePoint(next);
                    return new AttrValue.S(new String(codePoints, 0, i) + successor);
                }
            }
            return null;
        }
        byte[] bytes = ((AttrValue.B) prefix).value().toArray();
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] != (byte) 0xff) {
                byte[] successor = java.util.Arrays.copyOf(bytes, i + 1);
                successor[i]++;
                return new AttrValue.B(Bytes.wrap(successor));
            }
        }
        return null;
    }
}
