package io.dynamoid.orm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link Dynamoid} instance needs to know, immutable; build one with {@link #builder()}.
 * Defaults follow Ruby Dynamoid's: namespace "dynamoid", timestamps on, tables created on first save,
 * datetimes and dates as numbers, native booleans, empty strings stored as null, null attributes not stored.
 * One deviation: new tables are on-demand unless {@link Builder#provisioned(long, long)} is asked for.
 */
public final class DynamoidConfig {
    /** Where the DynamoDB API is. */
    public enum Adapter {
        /**
         * An embedded in-memory emulator started by the instance (needs {@code dynamoid-emulator} on the
         * classpath), or the endpoint given by {@link Builder#endpoint(URI)} or the {@code DYNAMOID_ENDPOINT}
         * environment variable, with dummy credentials.
         */
        LOCAL,
        /** Real DynamoDB: a region and credentials (default chain unless given), optionally another endpoint. */
        AWS
    }

    /** How new tables are billed. */
    public enum CapacityMode {
        ON_DEMAND, PROVISIONED
    }

    /** The environment variable that points LOCAL at an external endpoint instead of an embedded emulator. */
    public static final String ENDPOINT_VARIABLE = "DYNAMOID_ENDPOINT";

    private final Adapter adapter;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final URI endpoint;
    private final String namespace;
    private final boolean warnOnScan;
    private final boolean errorOnScan;
    private final boolean timestamps;
    private final boolean createTableOnSave;
    private final CapacityMode capacityMode;
    private final long readCapacity;
    private final long writeCapacity;
    private final int batchSize;
    private final boolean storeDateTimeAsString;
    private final boolean storeDateAsString;
    private final boolean storeBooleanAsNative;
    private final boolean storeEmptyStringAsNull;
    private final boolean storeAttributeWithNullValue;
    private final int batchRetries;
    private final Duration backoffBase;
    private final Duration backoffCeiling;
    private final Duration tableWaitTimeout;

    private DynamoidConfig(Builder b) {
        this.adapter = b.adapter;
        this.region = b.region;
        this.accessKey = b.accessKey;
        this.secretKey = b.secretKey;
        this.endpoint = b.endpoint == null && b.adapter == Adapter.LOCAL ? environmentEndpoint() : b.endpoint;
        this.namespace = b.namespace;
        this.warnOnScan = b.warnOnScan;
        this.errorOnScan = b.errorOnScan;
        this.timestamps = b.timestamps;
        this.createTableOnSave = b.createTableOnSave;
        this.capacityMode = b.capacityMode;
        this.readCapacity = b.readCapacity;
        this.writeCapacity = b.writeCapacity;
        this.batchSize = b.batchSize;
        this.storeDateTimeAsString = b.storeDateTimeAsString;
        this.storeDateAsString = b.storeDateAsString;
        this.storeBooleanAsNative = b.storeBooleanAsNative;
        this.storeEmptyStringAsNull = b.storeEmptyStringAsNull;
        this.storeAttributeWithNullValue = b.storeAttributeWithNullValue;
        this.batchRetries = b.batchRetries;
        this.backoffBase = b.backoffBase;
        this.backoffCeiling = b.backoffCeiling;
        this.tableWaitTimeout = b.tableWaitTimeout;
    }

    private static URI environmentEndpoint() {
        String value = System.getenv(ENDPOINT_VARIABLE);
        return value == null || value.isBlank() ? null : URI.create(value.trim());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** LOCAL with defaults: an embedded emulator, or {@code DYNAMOID_ENDPOINT} when set. */
    public static DynamoidConfig local() {
        return builder().build();
    }

    /** LOCAL against an already running endpoint (an emulator, DynamoDB Local, dynalite): no emulator is started. */
    public static Builder forEndpoint(URI endpoint) {
        return builder().endpoint(endpoint);
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.adapter = adapter;
        b.region = region;
        b.accessKey = accessKey;
        b.secretKey = secretKey;
        b.endpoint = endpoint;
        b.namespace = namespace;
        b.warnOnScan = warnOnScan;
        b.errorOnScan = errorOnScan;
        b.timestamps = timestamps;
        b.createTableOnSave = createTableOnSave;
        b.capacityMode = capacityMode;
        b.readCapacity = readCapacity;
        b.writeCapacity = writeCapacity;
        b.batchSize = batchSize;
        b.storeDateTimeAsString = storeDateTimeAsString;
        b.storeDateAsString = storeDateAsString;
        b.storeBooleanAsNative = storeBooleanAsNative;
        b.storeEmptyStringAsNull = storeEmptyStringAsNull;
        b.storeAttributeWithNullValue = storeAttributeWithNullValue;
        b.batchRetries = batchRetries;
        b.backoffBase = backoffBase;
        b.backoffCeiling = backoffCeiling;
        b.tableWaitTimeout = tableWaitTimeout;
        return b;
    }

    public Adapter adapter() { return adapter; }
    public String region() { return region; }
    /** The explicit access key, or null for the default credentials chain (AWS) or dummy keys (LOCAL). */
    public String accessKey() { return accessKey; }
    public String secretKey() { return secretKey; }
    /** The endpoint override, or null: the region's endpoint (AWS) or an embedded emulator (LOCAL). */
    public URI endpoint() { return endpoint; }
    /** Prefix of every table name, joined by "_"; empty for none. */
    public String namespace() { return namespace; }
    public boolean warnOnScan() { return warnOnScan; }
    public boolean errorOnScan() { return errorOnScan; }
    public boolean timestamps() { return timestamps; }
    public boolean createTableOnSave() { return createTableOnSave; }
    public CapacityMode capacityMode() { return capacityMode; }
    public long readCapacity() { return readCapacity; }
    public long writeCapacity() { return writeCapacity; }
    /** Items per BatchWriteItem request (at most 25, DynamoDB's limit). */
    public int batchSize() { return batchSize; }
    public boolean storeDateTimeAsString() { return storeDateTimeAsString; }
    public boolean storeDateAsString() { return storeDateAsString; }
    public boolean storeBooleanAsNative() { return storeBooleanAsNative; }
    public boolean storeEmptyStringAsNull() { return storeEmptyStringAsNull; }
    public boolean storeAttributeWithNullValue() { return storeAttributeWithNullValue; }
    /** How many times unprocessed batch items are sent again before giving up. */
    public int batchRetries() { return batchRetries; }
    public Duration backoffBase() { return backoffBase; }
    public Duration backoffCeiling() { return backoffCeiling; }
    public Duration tableWaitTimeout() { return tableWaitTimeout; }

    @Override
    public String toString() {
        return "DynamoidConfig[adapter=" + adapter + ", region=" + region + ", endpoint=" + endpoint
                + ", namespace=" + namespace + ", capacityMode=" + capacityMode + "]";
    }

    public static final class Builder {
        private Adapter adapter = Adapter.LOCAL;
        private String region = "us-east-1";
        private String accessKey;
        private String secretKey;
        private URI endpoint;
        private String namespace = "dynamoid";
        private boolean warnOnScan = true;
        private boolean errorOnScan;
        private boolean timestamps = true;
        private boolean createTableOnSave = true;
        private CapacityMode capacityMode = CapacityMode.ON_DEMAND;
        private long readCapacity = 100;
        private long writeCapacity = 20;
        private int batchSize = 25;
        private boolean storeDateTimeAsString;
        private boolean storeDateAsString;
        private boolean storeBooleanAsNative = true;
        private boolean storeEmptyStringAsNull = true;
        private boolean storeAttributeWithNullValue;
        private int batchRetries = 10;
        private Duration backoffBase = Duration.ofMillis(50);
        private Duration backoffCeiling = Duration.ofSeconds(5);
        private Duration tableWaitTimeout = Duration.ofMinutes(5);

        private Builder() {
        }

        public Builder adapter(Adapter adapter) {
            this.adapter = Objects.requireNonNull(adapter);
            return this;
        }

        /** Real DynamoDB in this region. */
        public Builder aws(String region) {
            this.adapter = Adapter.AWS;
            return region(region);
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Explicit keys instead of the default credentials chain (AWS) or dummy keys (LOCAL). */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey);
            this.secretKey = Objects.requireNonNull(secretKey);
            return this;
        }

        /** Talk to this endpoint: with LOCAL no emulator is started; with AWS it overrides the region's endpoint. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace == null ? "" : namespace;
            return this;
        }

        /** Log a warning for each read that has to Scan (default on). */
        public Builder warnOnScan(boolean warnOnScan) {
            this.warnOnScan = warnOnScan;
            return this;
        }

        /** Refuse reads that have to Scan with {@link ScanProhibitedException} (default off). */
        public Builder errorOnScan(boolean errorOnScan) {
            this.errorOnScan = errorOnScan;
            return this;
        }

        public Builder timestamps(boolean timestamps) {
            this.timestamps = timestamps;
            return this;
        }

        public Builder createTableOnSave(boolean createTableOnSave) {
            this.createTableOnSave = createTableOnSave;
            return this;
        }

        public Builder onDemand() {
            this.capacityMode = CapacityMode.ON_DEMAND;
            return this;
        }

        public Builder provisioned(long readCapacity, long writeCapacity) {
            if (readCapacity < 1 || writeCapacity < 1) {
                throw new IllegalArgumentException("Provisioned capacity must be at least 1");
            }
            this.capacityMode = CapacityMode.PROVISIONED;
            this.readCapacity = readCapacity;
            this.writeCapacity = writeCapacity;
            return this;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 25) {
                throw new IllegalArgumentException("Batch size must be between 1 and 25 (DynamoDB's BatchWriteItem limit)");
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder storeDateTimeAsString(boolean value) {
            this.storeDateTimeAsString = value;
            return this;
        }

        public Builder storeDateAsString(boolean value) {
            this.storeDateAsString = value;
            return this;
        }

        public Builder storeBooleanAsNative(boolean value) {
            this.storeBooleanAsNative = value;
            return this;
        }

        public Builder storeEmptyStringAsNull(boolean value) {
            this.storeEmptyStringAsNull = value;
            return this;
        }

        public Builder storeAttributeWithNullValue(boolean value) {
            this.storeAttributeWithNullValue = value;
            return this;
        }

        /** Retries of unprocessed batch items, waiting base × 2^attempt (at most ceiling) between tries. */
        public Builder batchRetries(int retries, Duration base, Duration ceiling) {
            if (retries < 0) {
                throw new IllegalArgumentException("Retries cannot be negative");
            }
            this.batchRetries = retries;
            this.backoffBase = Objects.requireNonNull(base);
            this.backoffCeiling = Objects.requireNonNull(ceiling);
            return this;
        }

        /** How long to wait for a created table to become ACTIVE. */
        public Builder tableWaitTimeout(Duration timeout) {
            this.tableWaitTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public DynamoidConfig build() {
            return new DynamoidConfig(this);
        }
    }
}
