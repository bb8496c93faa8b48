package io.dynamoid.junit;

import io.dynamoid.junit.spi.ClassSession;
import io.dynamoid.junit.spi.TestEndpoint;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link LedgerIntegration}'s session, which is also what it injects: it records what the extension asked of it,
 * and its "entry" tables are named {@code tablePrefix + simple name in lower case}, made through its own client.
 */
public final class Ledger implements ClassSession {
    private static final InheritableThreadLocal<Ledger> CURRENT = new InheritableThreadLocal<>();

    private final TestEndpoint endpoint;
    private final Settings settings;
    private final List<String> events = new ArrayList<>();
    private DynamoDbClient client;
    private volatile boolean closed;

    Ledger(TestEndpoint endpoint, Settings settings) {
        this.endpoint = endpoint;
        this.settings = settings;
    }

    /** A class whose table the ledger creates when listed in {@code models}. */
    public interface Entry {
    }

    /** The configurable type: a label. */
    public record Settings(String label) {
    }

    /** The ledger made current on this thread (by the extension), or null. */
    public static Ledger current() {
        return CURRENT.get();
    }

    public TestEndpoint endpoint() {
        return endpoint;
    }

    public String label() {
        return settings.label();
    }

    public static String tableName(TestEndpoint endpoint, Class<?> entry) {
        return endpoint.tablePrefix() + entry.getSimpleName().toLowerCase(Locale.ROOT);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public boolean closed() {
        return closed;
    }

    private synchronized void record(String event) {
        events.add(event);
    }

    private synchronized DynamoDbClient ownClient() {
        if (client == null) {
            client = DynamoDbClient.builder().endpointOverride(endpoint.uri()).region(Region.of(endpoint.region()))
                    .credentialsProvider(endpoint.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
        return client;
    }

    @Override
    public Object resolve(Class<?> type) {
        return this;
    }

    @Override
    public void createTables(List<Class<?>> models) {
        record("create " + models.stream().map(Class::getSimpleName).toList());
        for (Class<?> model : models) {
            try {
                Tables.create(ownClient(), tableName(endpoint, model));
            } catch (ResourceInUseException e) {
                // there already
            }
        }
    }

    @Override
    public void beforeTablesDropped(List<Class<?>> models) {
        record("drop");
    }

    @Override
    public Scope enter() {
        Ledger previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }

    @Override
    public synchronized void close() {
        record("close");
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
