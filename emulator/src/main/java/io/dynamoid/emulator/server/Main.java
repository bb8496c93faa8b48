package io.dynamoid.emulator.server;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.console.ConsoleHandler;
import io.dynamoid.emulator.persistence.Persistence;
import io.dynamoid.emulator.persistence.PersistenceException;
import io.dynamoid.emulator.persistence.SyncMode;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar dynamoid-emulator.jar [options]}. Accepts DynamoDB Local's
 * flags too, so scripts written for it keep working.
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar dynamoid-emulator.jar [options]

            A DynamoDB emulator speaking DynamoDB's JSON protocol on http://HOST:PORT.

            Options:
              --host HOST          address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)
              --port N, -port N    port to listen on (default 8000; 0 picks a free port, printed at start)
              --in-memory, -inMemory
                                   keep data in memory only (the default)
              --db-path DIR, -dbPath DIR
                                   keep data in DIR: everything acknowledged survives a restart or a
                                   crash (one process per DIR)
              --sync always|batch  with a data directory: force the log to disk before every answer
                                   (always, the default; concurrent writes share one fsync), or at most
                                   every --sync-interval-ms (batch: survives the emulator being killed,
                                   a machine crash may lose that last interval)
              --sync-interval-ms N the batch interval (default 100)
              --shared-db, -sharedDb
                                   one database for all access keys and regions (default: one per
                                   access key + region, as DynamoDB Local does)
              --cors ORIGINS, -cors ORIGINS
                                   comma-separated origins allowed by CORS (default *)
              --no-console         do not serve the web console at http://HOST:PORT/console
              --require-signature  verify every request's AWS Signature V4 against --credentials
                                   (default: any access key is accepted, signatures are not checked)
              --credentials KEY:SECRET[,KEY:SECRET...]
                                   the access keys and secrets --require-signature accepts
              --disable-telemetry, -disableTelemetry
                                   accepted for DynamoDB Local compatibility (there is no telemetry)
              --help, -help        print this help and exit
            """;

    private static final String MBEAN_SERVER_BUILDER = "javax.management.builder.initial";

    private Main() {
    }

    public static void main(String[] args) {
        configureProcess();
        int code = run(args, System.out, System.err);
        if (code >= 0) System.exit(code);
    }

    /**
     * What the standalone emulator sets for its whole process, unless the user set it (-D):
     * <ul>
     * <li>Undertow and XNIO log through slf4j-simple at WARN: one line when ready.
     * <li>No JMX beans of our libraries. XNIO and jboss-threads register theirs with the platform MBean server,
     *     and creating that server (introspecting and registering every MXBean of the JVM) was a third of the
     *     CPU of a cold start. jboss-threads has a switch; XNIO has none but survives a failed registration, so
     *     {@link NoXnioMBeanServerBuilder} refuses to build the platform server for XNIO during the start
     *     ({@link #started} restores the JDK's builder after it). The server is then created only if something
     *     else asks for it (jconsole, the management agent), as usual.
     * </ul>
     */
    public static void configureProcess() {
        setUnlessSet("org.jboss.logging.provider", "slf4j");
        setUnlessSet("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setUnlessSet("jboss.threads.eqe.register-mbean", "false");
        setUnlessSet(MBEAN_SERVER_BUILDER, NoXnioMBeanServerBuilder.class.getName());
    }

    /** Once the emulator listens: the JDK's own MBean server builder again, for whoever needs one later. */
    public static void started() {
        if (NoXnioMBeanServerBuilder.class.getName().equals(System.getProperty(MBEAN_SERVER_BUILDER))) {
            System.clearProperty(MBEAN_SERVER_BUILDER);
        }
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) System.setProperty(property, value);
    }

    /** The JDK's MBean server builder, except that it refuses to build one for XNIO (see {@link #configureProcess}). */
    public static final class NoXnioMBeanServerBuilder extends MBeanServerBuilder {
        @Override
        public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
            boolean forXnio = StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("org.xnio.")));
            if (forXnio) throw new UnsupportedOperationException("no MBean server for XNIO's MBeans");
            return super.newMBeanServer(defaultDomain, outer, delegate);
        }
    }

    /**
     * Parses the flags and starts the emulator. Returns an exit code for the process when it should end
     * now, or -1 when the emulator is running (the method then blocks until shutdown).
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help to see the options.");
            return 2;
        }
        if (options.help) {
            out.print(USAGE);
            return 0;
        }
        if (options.requireSignature && options.credentials.isEmpty()) {
            err.println("error: --require-signature needs --credentials KEY:SECRET[,KEY:SECRET...]");
            return 2;
        }
        Emulator emulator;
        try {
            Emulator.Builder builder = Emulator.builder().host(options.host).port(options.port).sharedDb(options.sharedDb)
                    .cors(options.cors).console(options.console).dbPath(options.dbPath)
                    .persistenceOptions(options.persistence());
            if (options.requireSignature) builder.requireSignature(options.credentials);
            emulator = builder.start();
        } catch (PersistenceException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: cannot start on " + options.host + ":" + options.port + ": " + rootMessage(e));
            return 1;
        }
        started();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "dynamoid-shutdown"));
        out.println(startupLine(emulator, options));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** What the emulator prints once it listens: where, how, and where its console is (unless --no-console). */
    static String startupLine(Emulator emulator, Options options) {
        String storage = options.dbPath == null ? "in memory"
                : "data in " + emulator.dbPath() + ", sync " + options.sync.name().toLowerCase(java.util.Locale.ROOT);
        return "Dynamoid emulator listening on " + emulator.endpoint() + " (" + storage + ", "
                + (options.sharedDb ? "shared database" : "one database per access key and region") + ")"
                + emulator.consoleUri().map(uri -> "; web console at " + uri + " (access key "
                        + ConsoleHandler.DEFAULT_ACCESS_KEY + ", region " + ConsoleHandler.DEFAULT_REGION
                        + " until changed there)").orElse("");
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    static final class Options {
        String host = "127.0.0.1";
        int port = 8000;
        boolean sharedDb;
        boolean console = true;
        Path dbPath;
        SyncMode sync = SyncMode.ALWAYS;
        long syncIntervalMillis = Persistence.Options.DEFAULT_SYNC_INTERVAL_MILLIS;
        String cors = "*";
        boolean help;
        boolean requireSignature;
        Map<String, String> credentials = Map.of();

        Persistence.Options persistence() {
            return new Persistence.Options(sync, syncIntervalMillis, Persistence.Options.DEFAULT_COMPACT_AFTER_BYTES);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-help", "-h" -> o.help = true;
                    case "--host" -> o.host = value(args, ++i, arg);
                    case "--port", "-port" -> o.port = port(value(args, ++i, arg));
                    case "--in-memory", "-inMemory" -> o.dbPath = null;
                    case "--db-path", "-dbPath" -> o.dbPath = Path.of(value(args, ++i, arg));
                    case "--sync" -> o.sync = SyncMode.parse(value(args, ++i, arg));
                    case "--sync-interval-ms" -> o.syncIntervalMillis = interval(value(args, ++i, arg));
                    case "--shared-db", "-sharedDb" -> o.sharedDb = true;
                    case "--cors", "-cors" -> o.cors = value(args, ++i, arg);
                    case "--no-console" -> o.console = false;
                    case "--require-signature" -> o.requireSignature = true;
                    case "--credentials" -> o.credentials = credentials(value(args, ++i, arg));
                    case "--disable-telemetry", "-disableTelemetry" -> {
                    }
                    case "-delayTransientStatuses", "-optimizeDbBeforeStartup" ->
                            throw new IllegalArgumentException(arg + " is not supported yet");
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
            return args[i];
        }

        private static long interval(String text) {
            try {
                long millis = Long.parseLong(text);
                if (millis < 1) throw new NumberFormatException();
                return millis;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sync-interval-ms needs a positive number of milliseconds, not " + text);
            }
        }

        private static Map<String, String> credentials(String text) {
            Map<String, String> secrets = new LinkedHashMap<>();
            for (String pair : text.split(",")) {
                int colon = pair.indexOf(':');
                if (colon <= 0 || colon == pair.length() - 1) {
                    throw new IllegalArgumentException("--credentials wants KEY:SECRET pairs, got: " + pair);
                }
                secrets.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
            return secrets;
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) throw new NumberFormatException();
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port number: " + text);
            }
        }
    }
}
