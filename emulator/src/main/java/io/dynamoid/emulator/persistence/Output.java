package io.dynamoid.emulator.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the few primitives the binary format needs (varints, length-prefixed strings). */
final class Output {
    private byte[] bytes;
    private int size;

    Output(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void reset() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void writeInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** An unsigned LEB128 varint (non-negative values only). */
    void writeVarInt(long v) {
        if (v < 0) throw new IllegalArgumentException("negative varint " + v);
        while (v >= 0x80) {
            writeByte((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        writeByte((int) v);
    }

    void writeBoolean(boolean v) {
        writeByte(v ? 1 : 0);
    }

    void writeBlob(byte[] b) {
        writeVarInt(b.length);
        writeBytes(b, 0, b.length);
    }

    void writeString(String s) {
        writeBlob(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string that may be null (a presence byte first). */
    void writeNullableString(String s) {
        writeBoolean(s != null);
        if (s != null) writeString(s);
    }
}
