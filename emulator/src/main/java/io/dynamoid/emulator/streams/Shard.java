package io.dynamoid.emulator.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * A stream's shard: records in sequence order, appended while the stream is enabled, trimmed after 24
 * hours. Closed (an ending sequence number) when the stream is disabled. Guarded by its own monitor, so a
 * sequence number is taken and its record appended in one step and records stay in sequence order.
 */
public final class Shard {
    private final String id;
    private final long startingSequence;
    private final List<StreamRecord> records = new ArrayList<>();
    private long endingSequence = -1;
    /** Highest sequence number trimmed away, or startingSequence - 1 when nothing was. */
    private long trimmedThrough;

    Shard(String id, long startingSequence) {
        this.id = id;
        this.startingSequence = startingSequence;
        this.trimmedThrough = startingSequence - 1;
    }

    public String id() {
        return id;
    }

    public long startingSequence() {
        return startingSequence;
    }

    /** The last sequence number of a closed shard, or -1 while it is open. */
    public synchronized long endingSequence() {
        return endingSequence;
    }

    /** The first sequence number still readable (TRIM_HORIZON). */
    public synchronized long horizon() {
        return trimmedThrough + 1;
    }

    public synchronized long trimmedThrough() {
        return trimmedThrough;
    }

    /** Takes the next sequence number and appends the record made with it; ignored once closed. */
    synchronized void append(LongSupplier nextSequence, LongFunction<StreamRecord> record) {
        if (endingSequence >= 0) return;
        records.add(record.apply(nextSequence.getAsLong()));
    }

    /** Closes the shard after its last record (or, when empty, at its start). */
    synchronized void close() {
        if (endingSequence >= 0) return;
        endingSequence = records.isEmpty() ? Math.max(startingSequence, trimmedThrough) : records.get(records.size() - 1).sequence();
    }

    /** Drops records created before {@code cutoffMillis}. */
    synchronized void trim(long cutoffMillis) {
        int n = 0;
        while (n < records.size() && records.get(n).createdMillis() < cutoffMillis) n++;
        if (n == 0) return;
        trimmedThrough = records.get(n - 1).sequence();
        records.subList(0, n).clear();
    }

    /** Up to {@code limit} records from sequence {@code from} on, stopping once {@code maxBytes} is reached. */
    synchronized List<StreamRecord> read(long from, int limit, long maxBytes) {
        List<StreamRecord> page = new ArrayList<>();
        long bytes = 0;
        for (int i = firstAtOrAfter(from); i < records.size() && page.size() < limit; i++) {
            StreamRecord record = records.get(i);
            if (!page.isEmpty() && bytes + record.sizeBytes() > maxBytes) break;
            bytes += record.sizeBytes();
            page.add(record);
        }
        return page;
    }

    /** Whether a closed shard has nothing at or after {@code from}: its readers are done. */
    synchronized boolean exhaustedFrom(long from) {
        return endingSequence >= 0 && firstAtOrAfter(from) == records.size();
    }

    private int firstAtOrAfter(long sequence) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (records.get(mid).sequence() < sequence) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
