package io.dynamoid.emulator.protocol;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Item size as DynamoDB computes it for the 400 KB limit and capacity units: attribute names and string
 * values count their UTF-8 bytes, numbers about one byte per two significant digits plus one, binary its
 * length, BOOL and NULL one byte, and lists and maps 3 bytes plus one per element.
 */
public final class ItemSize {
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, AttrValue> item) {
        int size = 0;
        for (Map.Entry<String, AttrValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static int of(AttrValue value) {
        if (value instanceof AttrValue.S s) return utf8Length(s.value());
        if (value instanceof AttrValue.N n) return numberSize(n.value());
        if (value instanceof AttrValue.B b) return b.value().length();
        if (value instanceof AttrValue.Bool || value instanceof AttrValue.Null) return 1;
        if (value instanceof AttrValue.SS ss) {
            int size = 0;
            for (String s : ss.values()) size += utf8Length(s);
            return size;
        }
        if (value instanceof AttrValue.NS ns) {
            int size = 0;
            for (BigDecimal n : ns.values()) size += numberSize(n);
            return size;
        }
        if (value instanceof AttrValue.BS bs) {
            int size = 0;
            for (Bytes b : bs.values()) size += b.length();
            return size;
        }
        if (value instanceof AttrValue.L l) {
            int size = 3;
            for (AttrValue child : l.values()) size += 1 + of(child);
            return size;
        }
        if (value instanceof AttrValue.M m) {
            return 3 + m.values().size() + of(m.values());
        }
        throw new IllegalStateException(value.type());
    }

    /** DynamoDB stores numbers as base-100 digits: one byte per two significant digits, plus one. */
    static int numberSize(BigDecimal n) {
        if (n.signum() == 0) return 1;
        BigDecimal normalized = n.stripTrailingZeros();
        int digits = normalized.precision();
        int exponent = digits - normalized.scale() - 1;
        return 1 + (digits + 1) / 2 + ((digits % 2 != 0 || exponent % 2 != 0) ? 0 : 1) + (n.signum() < 0 ? 1 : 0);
    }

    public static int utf8Length(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) length++;
            else if (c < 0x800) length += 2;
            else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else length += 3;
        }
        return length;
    }
}
