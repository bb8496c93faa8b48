package io.dynamoid.emulator.streams;

import io.dynamoid.emulator.protocol.Errors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a shard, handed out as an opaque string shaped like DynamoDB's
 * ({@code <stream ARN>|1|<base64>}). It carries the first sequence number to read and when it was issued:
 * iterators expire after 15 minutes, as DynamoDB's do.
 */
public record ShardIterator(String streamArn, String shardId, long from, long issuedMillis) {
    public static final long LIFETIME_MILLIS = 15L * 60 * 1000;

    public String encode() {
        String payload = shardId + "|" + from + "|" + issuedMillis;
        return streamArn + "|1|" + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The iterator a string encodes, or ValidationException when it is not one this emulator handed out. */
    public static ShardIterator decode(String text) {
        String[] outer = text.split("\\|", -1);
        if (outer.length != 3 || !outer[1].equals("1")) throw invalid();
        try {
            String[] inner = new String(Base64.getDecoder().decode(outer[2]), StandardCharsets.UTF_8).split("\\|", -1);
            if (inner.length != 3) throw invalid();
            return new ShardIterator(outer[0], inner[0], Long.parseLong(inner[1]), Long.parseLong(inner[2]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public boolean expiredAt(long nowMillis) {
        return nowMillis - issuedMillis > LIFETIME_MILLIS;
    }

    private static RuntimeException invalid() {
        return Errors.validation("Invalid ShardIterator");
    }
}
