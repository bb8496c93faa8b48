package io.dynamoid.orm;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.client.Clients;
import io.dynamoid.orm.internal.client.EmbeddedEmulator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One ORM instance: a configuration, its SDK client (and, for LOCAL without an endpoint, its own embedded
 * emulator) and the tables it knows. Close it to release them.
 *
 * <p>Applications usually create one and make it the {@linkplain #setDefault default}; tests and multi-account
 * applications create several side by side. The static-style API ({@code User.find.byId(id)}, {@code user.save()})
 * reaches the {@linkplain #current() current} instance: the one made current on this thread by
 * {@link #makeCurrent()} (inherited by threads it starts), else the default. A record remembers the instance
 * that loaded or saved it.
 * <pre>{@code
 * try (Dynamoid dynamoid = Dynamoid.create(DynamoidConfig.local());
 *      Dynamoid.Scope scope = dynamoid.makeCurrent()) {
 *     new User().save();
 * }
 * }</pre>
 */
public final class Dynamoid implements AutoCloseable {
    private static final InheritableThreadLocal<Dynamoid> CURRENT = new InheritableThreadLocal<>();
    private static volatile Dynamoid defaultInstance;

    private final DynamoidConfig config;
    private final URI endpoint;
    private final AutoCloseable emulator;
    private final DynamoDbClient client;
    private final Engine engine;

    private Dynamoid(DynamoidConfig config, URI endpoint, AutoCloseable emulator) {
        this.config = config;
        this.endpoint = endpoint;
        this.emulator = emulator;
        this.client = Clients.create(config, endpoint);
        this.engine = new Engine(config, client, this);
    }

    /** An instance for this configuration; with LOCAL and no endpoint, it starts an in-memory emulator. */
    public static Dynamoid create(DynamoidConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.adapter() == DynamoidConfig.Adapter.LOCAL && config.endpoint() == null) {
            EmbeddedEmulator emulator;
            try {
                emulator = EmbeddedEmulator.start();
            } catch (NoClassDefFoundError e) {
                throw new ConfigurationException("The LOCAL adapter needs io.dynamoid:dynamoid-emulator on the classpath", e);
            }
            try {
                return new Dynamoid(config, emulator.endpoint(), emulator);
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
        }
        return new Dynamoid(config, config.endpoint(), null);
    }

    /** An instance with every default: LOCAL (an embedded emulator, or {@code DYNAMOID_ENDPOINT}). */
    public static Dynamoid local() {
        return create(DynamoidConfig.local());
    }

    /** The instance for this thread: the one made current here, else the default. */
    public static Dynamoid current() {
        Dynamoid current = CURRENT.get();
        if (current != null) {
            return current;
        }
        Dynamoid fallback = defaultInstance;
        if (fallback == null) {
            throw new ConfigurationException("No Dynamoid instance is current: call Dynamoid.setDefault(...) at startup,"
                    + " or use dynamoid.makeCurrent() around the work");
        }
        return fallback;
    }

    /** The application-wide instance used where none is made current; null clears it. */
    public static void setDefault(Dynamoid dynamoid) {
        defaultInstance = dynamoid;
    }

    /** Makes this instance current on this thread (and threads it starts) until the scope is closed. */
    public Scope makeCurrent() {
        Dynamoid previous = CURRENT.get();
        CURRENT.set(this);
        Thread owner = Thread.currentThread();
        return () -> {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("A Dynamoid scope must be closed on the thread that opened it");
            }
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A {@link #makeCurrent()} scope; closing it restores what was current before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public DynamoidConfig config() {
        return config;
    }

    /** The SDK client, for what the ORM does not cover. */
    public DynamoDbClient client() {
        return client;
    }

    /** The endpoint in use (the embedded emulator's for LOCAL), or null for AWS's regional endpoint. */
    public URI endpoint() {
        return endpoint;
    }

    /** The model's table name here (with the namespace prefix). */
    public String tableName(Class<? extends Model<?>> model) {
        return engine.mapping(model).tableName();
    }

    /** Creates the tables of these models that do not exist yet, each waited for until ACTIVE. */
    @SafeVarargs
    public final void createTables(Class<? extends Model<?>>... models) {
        createTables(Arrays.asList(models));
    }

    public void createTables(List<Class<? extends Model<?>>> models) {
        models.forEach(m -> engine.tables().ensureExists(engine.mapping(m)));
    }

    /** Deletes the tables of these models (those that exist). */
    @SafeVarargs
    public final void deleteTables(Class<? extends Model<?>>... models) {
        Arrays.stream(models).forEach(m -> engine.tables().delete(engine.mapping(m).tableName()));
    }

    /** Removes every item from the tables of these models, keeping the tables (Scan + batched deletes). */
    @SafeVarargs
    public final void truncateTables(Class<? extends Model<?>>... models) {
        Arrays.stream(models).forEach(m -> engine.tables().truncate(engine.mapping(m)));
    }

    /** The names of the tables in this instance's namespace ({@code namespace_*}), all tables without one. */
    public List<String> namespaceTables() {
        return engine.tables().namespaceTables();
    }

    /** Deletes every table of this instance's namespace: what a test run cleans up after itself. */
    public void deleteNamespaceTables() {
        if (config.namespace().isEmpty()) {
            throw new ConfigurationException("Refusing to delete every table of the account: this instance has no namespace");
        }
        namespaceTables().forEach(engine.tables()::delete);
    }

    /**
     * Runs the block on a new write {@link Transaction}, then commits it with one TransactWriteItems; when the
     * block throws, the transaction is rolled back (nothing is sent) and the exception propagates.
     */
    public void transaction(Consumer<Transaction> block) {
        Transaction.run(this, block);
    }

    /** A new write {@link Transaction}, sent by its {@code commit()}. */
    public Transaction beginTransaction() {
        return Transaction.on(this);
    }

    /** Runs the block on a new {@link ReadTransaction}, then reads: the records in the order asked. */
    public List<Model<?>> readTransaction(Consumer<ReadTransaction> block) {
        ReadTransaction reads = ReadTransaction.on(this);
        block.accept(reads);
        return reads.commit();
    }

    /** A new {@link ReadTransaction}, read by its {@code commit()}. */
    public ReadTransaction beginReadTransaction() {
        return ReadTransaction.on(this);
    }

    Engine engine() {
        return engine;
    }

    /** Closes the SDK client and stops the embedded emulator, if any. */
    @Override
    public void close() {
        if (defaultInstance == this) {
            defaultInstance = null;
        }
        client.close();
        if (emulator != null) {
            try {
                emulator.close();
            } catch (Exception e) {
                throw new ConfigurationException("The embedded emulator did not stop cleanly", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Dynamoid[" + config.adapter() + " " + (endpoint == null ? config.region() : endpoint) + ", namespace="
                + config.namespace() + "]";
    }
}
