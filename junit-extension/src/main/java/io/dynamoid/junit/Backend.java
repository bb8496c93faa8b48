package io.dynamoid.junit;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.junit.spi.ClassSession;
import io.dynamoid.junit.spi.DynamoidIntegration;
import io.dynamoid.junit.spi.TestEndpoint;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What one test class (with its {@code @Nested} classes) talks to: its own embedded emulator, or an external
 * endpoint under a namespace of its own; the integrations' sessions on it; SDK clients made when first asked for.
 * Kept in the class's ExtensionContext store, which closes it after the class.
 */
final class Backend implements AutoCloseable {
    private static final String NAMESPACE_PREFIX = "dynamoid_";

    private final TestEndpoint endpoint;
    private final Emulator emulator;
    private final ExternalEndpoint external;
    private final Map<DynamoidIntegration, ClassSession> sessions = new LinkedHashMap<>();
    private DynamoDbClient client;
    /** Whether {@link #client} was built here (not an integration's), so closed here. */
    private boolean ownClient;
    private DynamoDbAsyncClient asyncClient;
    private SdkEventLoopGroup asyncEventLoops;
    private DynamoDbStreamsClient streamsClient;

    private Backend(TestEndpoint endpoint, Emulator emulator, ExternalEndpoint external, Settings settings) {
        this.endpoint = endpoint;
        this.emulator = emulator;
        this.external = external;
        try {
            for (DynamoidIntegration integration : Integrations.all()) {
                List<Class<?>> types = integration.configurableTypes();
                sessions.put(integration, integration.open(endpoint, settings.configurers().stream()
                        .filter(c -> types.contains(c.type())).toList()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** An embedded emulator: one database, so any keys and region see the same tables. */
    static Backend embedded(Settings settings) {
        Emulator emulator = startEmulator(settings);
        return new Backend(new TestEndpoint(emulator.endpoint(), Region.US_EAST_1.id(), false, true, ""), emulator, null, settings);
    }

    /**
     * An external endpoint, with a namespace no other class uses. Real DynamoDB (an amazonaws.com host) is signed
     * for the region of aws.region / AWS_REGION / AWS_DEFAULT_REGION (default us-east-1) with the default
     * credentials chain; anything else is taken for an emulator.
     */
    static Backend external(Settings settings, ExternalEndpoint endpoint) {
        String namespace = NAMESPACE_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestEndpoint target = new TestEndpoint(endpoint.uri(), endpoint.isAws() ? awsRegion() : Region.US_EAST_1.id(),
                endpoint.isAws(), false, namespace);
        return new Backend(target, null, endpoint, settings);
    }

    private static Emulator startEmulator(Settings settings) {
        // One thread pool for every class's emulator: a class then pays for a listener, not for a pool of threads.
        Emulator.Builder builder = Emulator.builder().sharedDb(true).sharedWorker(true);
        if (settings.dataDirectory() != null) {
            builder.dbPath(settings.dataDirectory());
        }
        try {
            return builder.start();
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("The embedded DynamoDB emulator did not start"
                    + (settings.dataDirectory() == null ? "" : " with data directory " + settings.dataDirectory())
                    + ": " + e.getMessage(), e);
        }
    }

    private static String awsRegion() {
        for (String value : new String[] {System.getProperty("aws.region"), System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION")}) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return Region.US_EAST_1.id();
    }

    TestEndpoint endpoint() {
        return endpoint;
    }

    /** The embedded emulator, or null when running against an external endpoint. */
    Emulator emulator() {
        return emulator;
    }

    ExternalEndpoint externalEndpoint() {
        return external;
    }

    /** The session of the integration that injects this type. */
    Object resolve(DynamoidIntegration integration, Class<?> type) {
        return sessions.get(integration).resolve(type);
    }

    /** An integration's client (the ORM's), else one of our own. */
    synchronized DynamoDbClient client() {
        if (client == null) {
            for (ClassSession session : sessions.values()) {
                client = session.client().orElse(null);
                if (client != null) {
                    return client;
                }
            }
            ownClient = true;
            client = DynamoDbClient.builder()
                    .region(Region.of(endpoint.region()))
                    .credentialsProvider(endpoint.credentials())
                    .endpointOverride(endpoint.uri())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return client;
    }

    synchronized DynamoDbAsyncClient asyncClient() {
        if (asyncClient == null) {
            // Our own event loops: a Netty client closing its own waits out a 2 s quiet period, per class.
            asyncEventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();
            asyncClient = DynamoDbAsyncClient.builder()
                    .region(Region.of(endpoint.region()))
                    .credentialsProvider(endpoint.credentials())
                    .endpointOverride(endpoint.uri())
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(asyncEventLoops))
                    .build();
        }
        return asyncClient;
    }

    synchronized DynamoDbStreamsClient streamsClient() {
        if (streamsClient == null) {
            streamsClient = DynamoDbStreamsClient.builder()
                    .region(Region.of(endpoint.region()))
                    .credentialsProvider(endpoint.credentials())
                    .endpointOverride(endpoint.uri())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return streamsClient;
    }

    /** Has each integration create the tables of its models. */
    void createTables(List<Class<?>> models) {
        sessions.forEach((integration, session) -> {
            List<Class<?>> own = models.stream().filter(integration::isModel).toList();
            if (!own.isEmpty()) {
                session.createTables(own);
            }
        });
    }

    /** Applies a reset; with an external endpoint it touches only this class's namespace tables. */
    void reset(Reset reset, List<Class<?>> models) {
        switch (reset) {
            case NONE -> {
            }
            case EMPTY_TABLES -> {
                if (emulator != null) {
                    emptyEmbeddedTables();
                } else {
                    EndpointTables.withPrefix(client(), endpoint.tablePrefix()).forEach(table -> EndpointTables.empty(client(), table));
                }
            }
            case DROP_TABLES -> {
                sessions.values().forEach(session -> session.beforeTablesDropped(models));
                dropTables();
                createTables(models);
            }
        }
    }

    /** Straight in the emulator's storage: no Scan/BatchWriteItem round trips, microseconds per table. */
    private void emptyEmbeddedTables() {
        for (Database database : emulator.databases().all()) {
            for (Table table : database.tables().values()) {
                table.items().keySet().forEach(key -> table.locked(key, () -> table.commit(key, null)));
            }
        }
    }

    private void dropTables() {
        if (emulator != null) {
            for (Database database : emulator.databases().all()) {
                List.copyOf(database.tables().values()).forEach(database::remove);
            }
        } else {
            EndpointTables.withPrefix(client(), endpoint.tablePrefix()).forEach(table -> EndpointTables.deleteAndWait(client(), table));
        }
    }

    /** Makes every integration's objects current on this thread; the scope closes them in reverse order. */
    ClassSession.Scope enter() {
        List<ClassSession.Scope> scopes = new ArrayList<>();
        for (ClassSession session : sessions.values()) {
            scopes.add(session.enter());
        }
        return () -> {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                scopes.get(i).close();
            }
        };
    }

    /**
     * With an external endpoint deletes the namespace's tables; then closes the sessions, the clients and the
     * emulator.
     */
    @Override
    public void close() {
        try (Emulator e = emulator; DynamoDbStreamsClient s = streamsClient; DynamoDbAsyncClient a = asyncClient) {
            try {
                if (external != null) {
                    EndpointTables.withPrefix(client(), endpoint.tablePrefix()).forEach(table -> EndpointTables.delete(client(), table));
                }
            } finally {
                closeSessions();
            }
        } finally {
            synchronized (this) {
                if (ownClient) {
                    client.close();
                }
            }
            if (asyncEventLoops != null) {
                // Without waiting: the client is closed, nothing is in flight, the threads end on their own.
                asyncEventLoops.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    private void closeSessions() {
        RuntimeException failure = null;
        for (ClassSession session : sessions.values()) {
            try {
                session.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
