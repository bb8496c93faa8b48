package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired items of tables with TTL enabled, in the background, as DynamoDB does. An item is expired
 * when its TTL attribute is a Number of epoch seconds in the past, but not more than five years in the past
 * (DynamoDB ignores older values). Deletions go through {@link Table#commitTtlExpiry}, the TTL flavour of {@link Table#commit}.
 */
public final class TtlSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TtlSweeper.class);
    private static final BigDecimal FIVE_YEARS_SECONDS = BigDecimal.valueOf(5L * 365 * 24 * 60 * 60);

    private final Databases databases;
    private final ScheduledExecutorService scheduler;

    private TtlSweeper(Databases databases, ScheduledExecutorService scheduler) {
        this.databases = databases;
        this.scheduler = scheduler;
    }

    /** Sweeps every {@code interval} on a daemon thread until {@link #close()}. */
    public static TtlSweeper start(Databases databases, Duration interval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dynamoid-ttl-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        TtlSweeper sweeper = new TtlSweeper(databases, scheduler);
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(sweeper::sweepSafely, millis, millis, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    private void sweepSafely() {
        try {
            sweep(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.error("TTL sweep failed", e);
        }
    }

    /** Deletes what is expired at {@code nowMillis}; returns how many items were deleted. */
    public int sweep(long nowMillis) {
        BigDecimal now = BigDecimal.valueOf(nowMillis, 3);
        int deleted = 0;
        for (Database database : databases.all()) {
            for (Table table : database.tables().values()) {
                String attribute = table.definition().ttlAttribute();
                if (attribute == null) continue;
                for (Map.Entry<ItemKey, Item> entry : table.items().entrySet()) {
                    if (!expired(entry.getValue(), attribute, now)) continue;
                    ItemKey key = entry.getKey();
                    // Re-checked under the key's lock: the item may have been rewritten since it was read.
                    boolean removed = table.locked(key, () -> {
                        Item current = table.get(key);
                        if (current == null || !expired(current, attribute, now)) return false;
                        table.commitTtlExpiry(key);
                        return true;
                    });
                    if (removed) deleted++;
                }
            }
        }
        return deleted;
    }

    static boolean expired(Item item, String attribute, BigDecimal nowSeconds) {
        if (!(item.get(attribute) instanceof AttrValue.N n)) return false;
        BigDecimal expiry = n.value();
        return expiry.compareTo(nowSeconds) < 0 && expiry.compareTo(nowSeconds.subtract(FIVE_YEARS_SECONDS)) >= 0;
    }

    /** Stops the background sweeps and waits for a running one to finish. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
