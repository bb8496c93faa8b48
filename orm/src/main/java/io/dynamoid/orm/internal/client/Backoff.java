package io.dynamoid.orm.internal.client;

import io.dynamoid.orm.RequestFailedException;

import java.time.Duration;

/** Exponential waits between retries of unprocessed batch items: base × 2^attempt, at most the ceiling. */
public record Backoff(int retries, Duration base, Duration ceiling) {

    /** Waits before retry number {@code attempt} (1-based); false when the retries are used up. */
    public boolean await(int attempt) {
        if (attempt > retries) {
            return false;
        }
        long millis = Math.min(ceiling.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException("Interrupted while waiting to retry unprocessed batch items", e);
        }
        return true;
    }
}
