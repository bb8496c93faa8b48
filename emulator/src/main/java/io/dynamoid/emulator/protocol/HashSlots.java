package io.dynamoid.emulator.protocol;

import java.util.Objects;

/**
 * An open-addressing index over an array's elements, for the compact collections once they outgrow a linear
 * scan: slot {@code i} holds 1 + the position of an element whose hash lands there, 0 when empty.
 */
final class HashSlots {
    /** Up to this many elements a linear scan beats hashing (and costs no memory). */
    static final int LINEAR_MAX = 8;

    private HashSlots() {
    }

    /**
     * The slots for {@code count} elements read at {@code elements[i * stride]}, or null when a linear scan
     * will do.
     */
    static int[] build(Object[] elements, int count, int stride) {
        if (count <= LINEAR_MAX) return null;
        int[] slots = new int[Integer.highestOneBit(count * 2 - 1) << 1];
        int mask = slots.length - 1;
        for (int i = 0; i < count; i++) {
            int slot = spread(Objects.hashCode(elements[i * stride])) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = i + 1;
        }
        return slots;
    }

    /** The position of {@code key} among the {@code count} elements, or -1. */
    static int find(Object[] elements, int count, int stride, int[] slots, Object key) {
        if (slots == null) {
            for (int i = 0; i < count; i++) {
                Object element = elements[i * stride];
                if (element == key || (key != null && key.equals(element))) return i;
            }
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = spread(Objects.hashCode(key)) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (Objects.equals(key, elements[i * stride])) return i;
        }
        return -1;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
