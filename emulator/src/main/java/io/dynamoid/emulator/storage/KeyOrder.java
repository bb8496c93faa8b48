package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;

import java.util.Comparator;

/** DynamoDB's order of key values: N by numeric value, S by UTF-8 bytes (= code points), B unsigned bytes. */
public final class KeyOrder implements Comparator<AttrValue> {
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(AttrValue a, AttrValue b) {
        if (a instanceof AttrValue.N x && b instanceof AttrValue.N y) return x.value().compareTo(y.value());
        if (a instanceof AttrValue.S x && b instanceof AttrValue.S y) return compareUtf8(x.value(), y.value());
        if (a instanceof AttrValue.B x && b instanceof AttrValue.B y) return x.value().compareTo(y.value());
        // Keys of one attribute always share a type; order types by name to stay total anyway.
        return a.type().compareTo(b.type());
    }

    /** Compares as UTF-8 byte strings would, which is code point order (not Java's UTF-16 order). */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i), cb = b.charAt(i);
            if (ca == cb) continue;
            if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                return Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
            return Character.compare(ca, cb);
        }
        return Integer.compare(a.length(), b.length());
    }
}
