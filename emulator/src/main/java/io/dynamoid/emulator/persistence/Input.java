package io.dynamoid.emulator.persistence;

import java.nio.charset.StandardCharsets;

/** Reads what {@link Output} wrote; throws {@link FormatException} on anything malformed. */
final class Input {
    private final byte[] bytes;
    private int position;
    private final int end;

    Input(byte[] bytes) {
        this.bytes = bytes;
        this.end = bytes.length;
    }

    boolean atEnd() {
        return position >= end;
    }

    private void need(int n) {
        if (n < 0 || position + n > end) throw new FormatException("record ends early");
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xff;
    }

    int readInt() {
        need(4);
        int v = ((bytes[position] & 0xff) << 24) | ((bytes[position + 1] & 0xff) << 16)
                | ((bytes[position + 2] & 0xff) << 8) | (bytes[position + 3] & 0xff);
        position += 4;
        return v;
    }

    long readLong() {
        return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new FormatException("varint too long");
    }

    int readVarInt() {
        long v = readVarLong();
        if (v > Integer.MAX_VALUE) throw new FormatException("length out of range: " + v);
        return (int) v;
    }

    boolean readBoolean() {
        int b = readByte();
        if (b > 1) throw new FormatException("not a boolean: " + b);
        return b == 1;
    }

    byte[] readBlob() {
        int length = readVarInt();
        need(length);
        byte[] b = new byte[length];
        System.arraycopy(bytes, position, b, 0, length);
        position += length;
        return b;
    }

    String readString() {
        int length = readVarInt();
        need(length);
        String s = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return s;
    }

    String readNullableString() {
        return readBoolean() ? readString() : null;
    }
}
