package io.dynamoid.emulator;

import io.dynamoid.emulator.console.ConsoleHandler;
import io.dynamoid.emulator.operations.EmulatorSettings;
import io.dynamoid.emulator.operations.Operations;
import io.dynamoid.emulator.persistence.Persistence;
import io.dynamoid.emulator.persistence.SyncMode;
import io.dynamoid.emulator.server.DynamoHandler;
import io.dynamoid.emulator.server.SignatureVerifier;
import io.dynamoid.emulator.storage.Databases;
import io.dynamoid.emulator.storage.TtlSweeper;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.HttpHandler;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    /** Request threads with a data directory: enough writers waiting on one fsync to make group commit pay. */
    private static final int PERSISTENT_WORKER_THREADS = 64;

    private final Undertow server;
    private final Databases databases;
    private final Persistence persistence;
    private final TtlSweeper ttlSweeper;
    private final String host;
    private final int port;
    private final boolean console;

    private Emulator(Undertow server, Databases databases, Persistence persistence, TtlSweeper ttlSweeper, String host,
                     int port, boolean console) {
        this.server = server;
        this.databases = databases;
        this.persistence = persistence;
        this.ttlSweeper = ttlSweeper;
        this.host = host;
        this.port = port;
        this.console = console;
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

    /**
     * The web console's address, e.g. {@code http://127.0.0.1:51234/console/}, or empty when started with
     * {@code console(false)}. It is served by the same listener as the API, so it is reachable exactly where
     * the emulator is: on its bind address, nowhere else.
     */
    public Optional<URI> consoleUri() {
        return console ? Optional.of(endpoint().resolve(ConsoleHandler.PATH + "/")) : Optional.empty();
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

    /** The data directory in use, or null when in memory. */
    public Path dbPath() {
        return persistence == null ? null : persistence.root();
    }

    /**
     * Stops listening and releases the port. Data of an in-memory emulator is gone afterwards; with a data
     * directory everything acknowledged is on disk and the directory is released.
     */
    @Override
    public void close() {
        ttlSweeper.close();
        server.stop();
        if (persistence != null) persistence.close();
    }

    private static final int IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** The worker of {@link Builder#sharedWorker} emulators, created when the first one starts (holder idiom). */
    private static final class SharedWorker {
        static final String NAME = "dynamoid-emulators";
        static final XnioWorker INSTANCE = create();

        private static XnioWorker create() {
            try {
                // Undertow's own defaults for a worker, with daemon threads so that the JVM can exit.
                return Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                        .set(Options.WORKER_NAME, NAME)
                        .set(Options.WORKER_IO_THREADS, IO_THREADS)
                        .set(Options.WORKER_TASK_CORE_THREADS, 4)
                        .set(Options.WORKER_TASK_MAX_THREADS, 16)
                        .set(Options.TCP_NODELAY, true)
                        .set(Options.CORK, true)
                        .set(Options.THREAD_DAEMON, true)
                        .getMap());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the emulators' shared worker", e);
            }
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private boolean sharedDb;
        private Path dbPath;
        private Persistence.Options persistenceOptions = Persistence.Options.DEFAULTS;
        private String cors = "*";
        private Duration ttlSweepInterval = DEFAULT_TTL_SWEEP_INTERVAL;
        private boolean console = true;
        private boolean sharedWorker;
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

        /**
         * A data directory to keep the data in (like DynamoDB Local's {@code -dbPath}); null (the default) keeps
         * it in memory. Everything acknowledged survives a restart, even after the process is killed.
         */
        public Builder dbPath(Path dbPath) {
            this.dbPath = dbPath;
            return this;
        }

        /** When the data directory's log is forced to disk: {@link SyncMode#ALWAYS} (the default) or BATCH. */
        public Builder sync(SyncMode mode) {
            persistenceOptions = new Persistence.Options(mode, persistenceOptions.syncIntervalMillis(), persistenceOptions.compactAfterBytes());
            return this;
        }

        /** With {@link SyncMode#BATCH}: the longest time between two forces of the log (default 100 ms). */
        public Builder syncIntervalMillis(long millis) {
            persistenceOptions = new Persistence.Options(persistenceOptions.sync(), millis, persistenceOptions.compactAfterBytes());
            return this;
        }

        /** How the data directory is written (sync mode, sync interval, compaction threshold). */
        public Builder persistenceOptions(Persistence.Options options) {
            this.persistenceOptions = options;
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

        /**
         * Serve from one pool of I/O and request threads shared by every emulator started this way in the JVM
         * (daemon threads, created on first use) instead of a pool of its own: starting and closing then cost about
         * a listener, not a thread pool, which is what test suites starting an emulator per class want. Off by
         * default: a standalone emulator owns its threads.
         */
        public Builder sharedWorker(boolean sharedWorker) {
            this.sharedWorker = sharedWorker;
            return this;
        }

        /** Allowed CORS origins, comma-separated, "*" for all (the default), null to send no CORS headers. */
        public Builder cors(String cors) {
            this.cors = cors;
            return this;
        }

        /** Whether GET /console serves the web console (the default); false leaves every GET to the health check. */
        public Builder console(boolean console) {
            this.console = console;
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
            Persistence persistence = dbPath == null ? null : Persistence.open(dbPath, sharedDb, persistenceOptions);
            Databases databases = persistence == null ? new Databases(sharedDb) : persistence.databases();
            SignatureVerifier signatures = signingSecrets == null ? null : new SignatureVerifier(signingSecrets, Clock.systemUTC());
            DynamoHandler dynamo = new DynamoHandler(Operations.instance(), databases, EmulatorSettings.DEFAULTS, cors, signatures);
            // With a data directory a write waits for its fsync: run requests on worker threads, so a waiting
            // write never holds an I/O thread (and the connections it serves) and concurrent writers share fsyncs.
            HttpHandler api = persistence == null ? dynamo : new BlockingHandler(dynamo);
            HttpHandler handler = console ? Handlers.path(api).addPrefixPath(ConsoleHandler.PATH, new ConsoleHandler()) : api;
            Undertow.Builder builder = Undertow.builder()
                    .addHttpListener(port, host)
                    .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                    // Undertow cuts bodies at 2 MB by default; DynamoDB takes 16 MB (batches, 4 MB transactions).
                    // The handler answers bigger ones 413 itself after reading (up to a bound) what was sent.
                    .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, DynamoHandler.MAX_DISCARDED_BYTES)
                    .setHandler(handler);
            if (sharedWorker) {
                builder.setWorker(SharedWorker.INSTANCE); // Undertow.stop() leaves a worker it did not create running
            } else {
                builder.setIoThreads(IO_THREADS).setWorkerThreads(persistence == null ? 4 : PERSISTENT_WORKER_THREADS);
            }
            Undertow server = builder.build();
            try {
                server.start();
            } catch (RuntimeException e) {
                if (persistence != null) persistence.close();
                throw e;
            }
            int boundPort = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            return new Emulator(server, databases, persistence, TtlSweeper.start(databases, ttlSweepInterval), host,
                    boundPort, console);
        }
    }
}
