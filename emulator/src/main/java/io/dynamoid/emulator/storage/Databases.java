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

    private final boolean shared;
    private final Database sharedDatabase;
    private final ConcurrentHashMap<String, Database> byKeyAndRegion = new ConcurrentHashMap<>();

    public Databases(boolean shared) {
        this.shared = shared;
        this.sharedDatabase = shared ? new Database(DEFAULT_REGION, ACCOUNT_ID) : null;
    }

    public boolean shared() {
        return shared;
    }

    public Database forRequest(String accessKeyId, String region) {
        if (shared) return sharedDatabase;
        String r = region == null || region.isEmpty() ? DEFAULT_REGION : region;
        String k = accessKeyId == null ? "" : accessKeyId;
        return byKeyAndRegion.computeIfAbsent(k + "\u0000" + r, unused -> new Database(r, ACCOUNT_ID));
    }

    /** Every database that exists so far (for background work such as TTL sweeps). */
    public Iterable<Database> all() {
        if (shared) return java.util.List.of(sharedDatabase);
        return byKeyAndRegion.values();
    }
}
