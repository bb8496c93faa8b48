package io.dynamoid.junit.spi;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Optional;

/**
 * An integration's objects for one test class. The extension calls it from the class's lifecycle callbacks; test
 * methods of a class may run on several threads, so implementations are thread-safe.
 */
public interface ClassSession extends AutoCloseable {

    /** The object of one of the integration's {@link DynamoidIntegration#injectableTypes()}: one per class. */
    Object resolve(Class<?> type);

    /**
     * The integration's own client for the class, if it has one: the extension then injects it as the class's
     * {@code DynamoDbClient} instead of building another (what a test reads with it is what the integration wrote,
     * whatever keys it signs with; one client per class is cheaper than two). The session closes it.
     */
    default Optional<DynamoDbClient> client() {
        return Optional.empty();
    }

    /** Creates the tables of these models (each accepted by {@link DynamoidIntegration#isModel}) that do not exist. */
    void createTables(List<Class<?>> models);

    /**
     * The extension is about to delete every table of the class (its emulator's, or its namespace's on an external
     * endpoint), then calls {@link #createTables} again: forget what is known about the tables.
     */
    void beforeTablesDropped(List<Class<?>> models);

    /**
     * Makes the class's objects current on this thread (for static-style APIs) until the scope is closed, on this
     * thread: around each test, and around the class's {@code @BeforeAll}/{@code @AfterAll} methods.
     */
    Scope enter();

    /** Releases what the session made; the extension then deletes the namespace's tables and stops the emulator. */
    @Override
    void close();

    /** What {@link #enter()} opened. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        Scope NONE = () -> { };

        @Override
        void close();
    }
}
