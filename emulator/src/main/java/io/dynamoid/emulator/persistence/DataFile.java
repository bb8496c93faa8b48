package io.dynamoid.emulator.persistence;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The layout shared by log and snapshot files: a preamble ({@code DYNAMOID}, a kind byte, the format
 * version), then framed records. A frame is a 16-byte header (a marker, the payload length, the payload's
 * CRC32C and the CRC32C of those three) and the payload, so a damaged length is caught by the header checksum
 * before it is believed.
 */
final class DataFile {
    static final byte LOG = 'W';
    static final byte SNAPSHOT = 'S';
    private static final byte[] MAGIC = "DYNAMOID".getBytes(StandardCharsets.US_ASCII);
    static final int PREAMBLE_SIZE = MAGIC.length + 1 + 4;
    static final int FRAME_HEADER_SIZE = 16;
    private static final int FRAME_MARKER = 0xD7A0_F00D;
    /** Larger than any record this format writes (a 100-change transaction of 400 KB items, a snapshot chunk). */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    private DataFile() {
    }

    static byte[] preamble(byte kind) {
        Output out = new Output(PREAMBLE_SIZE);
        out.writeBytes(MAGIC, 0, MAGIC.length);
        out.writeByte(kind);
        out.writeInt(Codec.FORMAT_VERSION);
        return out.toByteArray();
    }

    /** The payload framed: header then payload, ready to append. */
    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_SIZE + payload.length);
        putFrameHeader(frame, payload);
        frame.put(payload);
        return frame.flip();
    }

    private static void putFrameHeader(ByteBuffer frame, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        frame.putInt(FRAME_MARKER).putInt(payload.length).putInt((int) crc.getValue());
        frame.putInt(headerCrc(frame.array(), frame.arrayOffset() + frame.position() - 12));
    }

    private static int headerCrc(byte[] bytes, int offset) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 12);
        return (int) crc.getValue();
    }

    /** Why a frame could not be read, and where it starts. */
    static final class BadFrame extends Exception {
        final long offset;

        BadFrame(long offset, String reason) {
            super(reason);
            this.offset = offset;
        }
    }

    /** Reads a file's frames in order. */
    static final class Reader implements AutoCloseable {
        private final Path path;
        private final DataInputStream in;
        private final long size;
        private long position;

        Reader(Path path, byte expectedKind) throws IOException {
            this.path = path;
            this.size = Files.size(path);
            InputStream raw = Files.newInputStream(path);
            this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 20));
            byte[] preamble = new byte[PREAMBLE_SIZE];
            try {
                in.readFully(preamble);
            } catch (EOFException e) {
                in.close();
                throw new PersistenceException(path + " is not a Dynamoid data file: only " + size + " bytes long");
            }
            ByteBuffer b = ByteBuffer.wrap(preamble);
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            byte kind = b.get();
            int version = b.getInt();
            if (!java.util.Arrays.equals(magic, MAGIC) || kind != expectedKind) {
                in.close();
                throw new PersistenceException(path + " is not a Dynamoid " + (expectedKind == LOG ? "log" : "snapshot")
                        + " file (unexpected preamble)");
            }
            if (version != Codec.FORMAT_VERSION) {
                in.close();
                throw new PersistenceException(path + " has data format version " + version + "; this release reads version "
                        + Codec.FORMAT_VERSION + (version > Codec.FORMAT_VERSION ? " (it was written by a newer release)" : ""));
            }
            position = PREAMBLE_SIZE;
        }

        Path path() {
            return path;
        }

        /** Where the next frame starts. */
        long position() {
            return position;
        }

        /** The next payload, or null at the clean end of the file. */
        byte[] next() throws IOException, BadFrame {
            long start = position;
            long remaining = size - start;
            if (remaining == 0) return null;
            if (remaining < FRAME_HEADER_SIZE) throw new BadFrame(start, "incomplete record header");
            byte[] header = new byte[FRAME_HEADER_SIZE];
            in.readFully(header);
            ByteBuffer h = ByteBuffer.wrap(header);
            int marker = h.getInt();
            int length = h.getInt();
            int payloadCrc = h.getInt();
            int storedHeaderCrc = h.getInt();
            if (marker != FRAME_MARKER || storedHeaderCrc != headerCrc(header, 0)) {
                throw new BadFrame(start, "damaged record header");
            }
            if (length < 0 || length > MAX_PAYLOAD || length > remaining - FRAME_HEADER_SIZE) {
                throw new BadFrame(start, "record of " + length + " bytes runs past the end of the file");
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            if ((int) crc.getValue() != payloadCrc) throw new BadFrame(start, "record checksum mismatch");
            position = start + FRAME_HEADER_SIZE + length;
            return payload;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * True when some intact frame starts after {@code offset}: then the bad frame there is damage in the middle
     * of the file, not a write torn off by a crash at its end.
     */
    static boolean intactFrameAfter(Path path, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size - offset > Integer.MAX_VALUE) return true; // too large to scan: assume the worst
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offset, size - offset);
            byte[] header = new byte[12];
            for (int at = 1; at + FRAME_HEADER_SIZE <= map.limit(); at++) {
                if (map.getInt(at) != FRAME_MARKER) continue;
                map.get(at, header, 0, 12);
                if (map.getInt(at + 12) != headerCrc(header, 0)) continue;
                int length = map.getInt(at + 4);
                if (length < 0 || length > map.limit() - at - FRAME_HEADER_SIZE) continue;
                byte[] payload = new byte[length];
                map.get(at + FRAME_HEADER_SIZE, payload, 0, length);
                CRC32C crc = new CRC32C();
                crc.update(payload);
                if ((int) crc.getValue() == map.getInt(at + 8)) return true;
            }
            return false;
        }
    }
}
