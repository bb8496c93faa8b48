package io.dynamoid.emulator.storage;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the database a request works on. As in DynamoDB Local: each access key + region pair has its
 * own tables, unless the emulator runs with a shared database, where everyone sees the same tables.
 */
public final class Databases {
    /** The account id DynamoDB Local puts in ARNs. */
    public static final String ACCOUNT_ID = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    /** Makes the database of an access key and region (both null for the shared database). */
    @FunctionalInterface
    public interface Factory {
        Database create(String accessKeyId, String region);
    }

    private final boolean shared;
    private final Factory factory;
    private final Database sharedDatabase;
    private final ConcurrentHashMap<String, Database> byKeyAndRegion = new ConcurrentHashMap<>();

    public Databases(boolean shared) {
        this(shared, (accessKeyId, region) -> new Database(region == null ? DEFAULT_REGION : region, ACCOUNT_ID));
    }

    /** Databases made by {@code factory} (persistence uses it to load or create each one on disk). */
    public Databases(boolean shared, Factory factory) {
        this.shared = shared;
        this.factory = factory;
        this.sharedDatabase = shared ? factory.create(null, null) : null;
    }

    public boolean shared() {
        return shared;
    }

    public Database forRequest(String accessKeyId, String region) {
        if (shared) return sharedDatabase;
        String r = region == null || region.isEmpty() ? DEFAULT_REGION : region;
        String k = accessKeyId == null ? "" : accessKeyId;
        return byKeyAndRegion.computeIfAbsent(k + "\u0000" + r, unused -> factory.create(k, r));
    }

    /** Every database that exists so far (for background work such as TTL sweeps). */
    public Iterable<Database> all() {
        if (shared) return java.util.List.of(sharedDatabase);
        return byKeyAndRegion.values();
    }
}
