package io.dynamoid.emulator;

import io.dynamoid.emulator.operations.EmulatorSettings;
import io.dynamoid.emulator.operations.Operations;
import io.dynamoid.emulator.server.DynamoHandler;
import io.dynamoid.emulator.server.SignatureVerifier;
import io.dynamoid.emulator.storage.Databases;
import io.dynamoid.emulator.storage.TtlSweeper;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A running DynamoDB emulator. Embedded use:
 * <pre>{@code
 * try (Emulator emulator = Emulator.start()) {          // in memory, 127.0.0.1, a free port
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(emulator.endpoint())...
 * }
 * }</pre>
 * Each instance has its own data; several can run in one JVM without sharing anything but code.
 */
public final class Emulator implements AutoCloseable {
    /** How often expired TTL items are deleted unless {@link Builder#ttlSweepInterval} says otherwise. */
    public static final Duration DEFAULT_TTL_SWEEP_INTERVAL = Duration.ofSeconds(5);

    private final Undertow server;
    private final Databases databases;
    private final TtlSweeper ttlSweeper;
    private final String host;
    private final int port;

    private Emulator(Undertow server, Databases databases, TtlSweeper ttlSweeper, String host, int port) {
        this.server = server;
        this.databases = databases;
        this.ttlSweeper = ttlSweeper;
        this.host = host;
        this.port = port;
    }

    /** Starts an in-memory emulator on 127.0.0.1 and a free port. */
    public static Emulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The URI to give an SDK as its endpoint override, e.g. {@code http://127.0.0.1:51234}. */
    public URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /** The databases behind this emulator (for tools in this JVM, e.g. tests and the console). */
    public Databases databases() {
        return databases;
    }

    /** Stops listening and releases the port. Data of an in-memory emulator is gone afterwards. */
    @Override
    public void close() {
        ttlSweeper.close();
        server.stop();
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private boolean sharedDb;
        private Path dbPath;
        private String cors = "*";
        private Duration ttlSweepInterval = DEFAULT_TTL_SWEEP_INTERVAL;
        private Map<String, String> signingSecrets;

        private Builder() {
        }

        /** The address to bind; 127.0.0.1 unless told otherwise. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 (the default) picks a free one, see {@link Emulator#port()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** One database for every access key and region, like DynamoDB Local's {@code -sharedDb}. */
        public Builder sharedDb(boolean sharedDb) {
            this.sharedDb = sharedDb;
            return this;
        }

        /** A data directory to persist to. Not supported yet: {@link #start()} refuses it rather than ignore it. */
        public Builder dbPath(Path dbPath) {
            this.dbPath = dbPath;
            return this;
        }

        /** How often expired items of tables with TTL enabled are deleted (default every 5 seconds). */
        public Builder ttlSweepInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("TTL sweep interval must be positive: " + interval);
            }
            this.ttlSweepInterval = interval;
            return this;
        }

        /** Allowed CORS origins, comma-separated, "*" for all (the default), null to send no CORS headers. */
        public Builder cors(String cors) {
            this.cors = cors;
            return this;
        }

        /**
         * Verify every request's SigV4 signature against these secrets (by access key id), as DynamoDB does:
         * unknown keys, wrong signatures and expired dates are refused. Off by default (any key is accepted).
         */
        public Builder requireSignature(Map<String, String> secretsByAccessKey) {
            this.signingSecrets = Map.copyOf(secretsByAccessKey);
            return this;
        }

        public Emulator start() {
            if (dbPath != null) {
                throw new UnsupportedOperationException("A data directory (dbPath) is not supported yet: the emulator runs in memory only");
            }
            Databases databases = new Databases(sharedDb);
            SignatureVerifier signatures = signingSecrets == null ? null : new SignatureVerifier(signingSecrets, Clock.systemUTC());
            DynamoHandler handler = new DynamoHandler(Operations.instance(), databases, EmulatorSettings.DEFAULTS, cors, signatures);
            Undertow server = Undertow.builder()
                    .addHttpListener(port, host)
                    .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                    .setWorkerThreads(4)
                    .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                    // Undertow cuts bodies at 2 MB by default; DynamoDB takes 16 MB (batches, 4 MB transactions).
                    // The handler answers bigger ones 413 itself after reading (up to a bound) what was sent.
                    .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, DynamoHandler.MAX_DISCARDED_BYTES)
                    .setHandler(handler)
                    .build();
            server.start();
            int boundPort = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            return new Emulator(server, databases, TtlSweeper.start(databases, ttlSweepInterval), host, boundPort);
        }
    }
}
