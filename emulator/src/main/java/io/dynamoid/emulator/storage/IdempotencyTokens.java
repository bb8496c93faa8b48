package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.Errors;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * TransactWriteItems' ClientRequestToken: a token is good for 10 minutes after the first request using it
 * completed. Within that window the same request again is answered without being applied again, another
 * request with the token is IdempotentParameterMismatchException, and a request arriving while the first
 * is still running is TransactionInProgressException. A request that failed leaves no trace: nothing was
 * applied, so a retry runs anew.
 */
public final class IdempotencyTokens {
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** {@code completedAt} is null while the first request is still running. */
    private record Entry(Object request, Long completedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long lastPurge;

    public IdempotencyTokens() {
        this(System::nanoTime);
    }

    /** With a clock in nanoseconds, for tests of the window. */
    public IdempotencyTokens(LongSupplier clock) {
        this.clock = clock;
        this.lastPurge = clock.getAsLong();
    }

    /**
     * Runs {@code firstRun} unless {@code token} was used for {@code request} (compared with equals) within
     * the window, in which case {@code replay} answers instead.
     */
    public <T> T once(String token, Object request, Supplier<T> firstRun, Supplier<T> replay) {
        purgeExpired();
        Entry running = new Entry(request, null);
        while (true) {
            Entry existing = entries.putIfAbsent(token, running);
            if (existing == null) break;
            if (existing.completedAt() != null && expired(existing)) {
                entries.remove(token, existing);
                continue;
            }
            if (!Objects.equals(existing.request(), request)) throw Errors.idempotentParameterMismatch();
            if (existing.completedAt() == null) throw Errors.transactionInProgress();
            return replay.get();
        }
        try {
            T result = firstRun.get();
            entries.put(token, new Entry(request, clock.getAsLong()));
            return result;
        } catch (RuntimeException | Error e) {
            entries.remove(token, running);
            throw e;
        }
    }

    private boolean expired(Entry entry) {
        return clock.getAsLong() - entry.completedAt() >= WINDOW_NANOS;
    }

    /** Forgets expired tokens, at most once per window, so the map stays as small as the traffic of one window. */
    private void purgeExpired() {
        long now = clock.getAsLong();
        if (now - lastPurge < WINDOW_NANOS) return;
        lastPurge = now;
        entries.values().removeIf(entry -> entry.completedAt() != null && expired(entry));
    }
}
