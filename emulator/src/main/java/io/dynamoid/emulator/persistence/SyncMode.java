package io.dynamoid.emulator.persistence;

/** When the write-ahead log is forced to disk. */
public enum SyncMode {
    /** Before every acknowledgement (concurrent writers share one fsync): nothing acknowledged is ever lost. */
    ALWAYS,
    /**
     * Written to the operating system before the acknowledgement, forced at most every sync interval: survives
     * the emulator being killed; a machine crash may lose the last interval's writes.
     */
    BATCH;

    /** {@code always} or {@code batch}, as given on the command line. */
    public static SyncMode parse(String text) {
        for (SyncMode mode : values()) if (mode.name().equalsIgnoreCase(text)) return mode;
        throw new IllegalArgumentException("--sync must be always or batch, not " + text);
    }
}
