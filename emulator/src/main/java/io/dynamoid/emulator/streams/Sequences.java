package io.dynamoid.emulator.streams;

import java.math.BigInteger;

/**
 * Stream sequence numbers: a counter per database, shown as DynamoDB shows them — decimal strings of 21
 * digits (the API requires 21 to 40 characters, digits only), increasing with the counter.
 */
final class Sequences {
    /** 10^20: every shown number has 21 digits until the counter passes 9 * 10^20. */
    private static final BigInteger BASE = BigInteger.TEN.pow(20);

    private Sequences() {
    }

    static String format(long sequence) {
        return BASE.add(BigInteger.valueOf(sequence)).toString();
    }

    /** The counter value of a shown sequence number, or -1 when it is not one this emulator could show. */
    static long parse(String shown) {
        if (shown == null || shown.isEmpty() || !shown.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        BigInteger value = new BigInteger(shown).subtract(BASE);
        if (value.signum() < 0 || value.bitLength() > 62) return -1;
        return value.longValue();
    }
}
