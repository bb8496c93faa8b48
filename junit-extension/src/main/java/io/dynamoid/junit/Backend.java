package io.dynamoid.junit;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Model;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What one test class (with its {@code @Nested} classes) talks to: its own embedded emulator, or an external
 * endpoint under a namespace of its own; the ORM instance on it; SDK clients made when first asked for. Kept in
 * the class's ExtensionContext store, which closes it after the class.
 */
final class Backend implements AutoCloseable {
    private final Emulator emulator;
    private final ExternalEndpoint external;
    private final Dynamoid dynamoid;
    private DynamoDbAsyncClient asyncClient;
    private SdkEventLoopGroup asyncEventLoops;
    private DynamoDbStreamsClient streamsClient;

    private Backend(Emulator emulator, ExternalEndpoint external, Dynamoid dynamoid) {
        this.emulator = emulator;
        this.external = external;
        this.dynamoid = dynamoid;
    }

    /** An embedded emulator (one database: any keys and region see the same tables) and an ORM on it. */
    static Backend embedded(Settings settings) {
        Emulator emulator = startEmulator(settings);
        try {
            DynamoidConfig config = baseConfig(settings).toBuilder()
                    .adapter(DynamoidConfig.Adapter.LOCAL)
                    .endpoint(emulator.endpoint())
                    .build();
            return withTables(new Backend(emulator, null, Dynamoid.create(config)), settings);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /**
     * An ORM on an external endpoint with a namespace no other class uses. Real DynamoDB (an amazonaws.com host)
     * gets the AWS adapter: default credentials chain, region from AWS_REGION / AWS_DEFAULT_REGION / aws.region.
     * Anything else is taken for an emulator, with the ORM's dummy keys.
     */
    static Backend external(Settings settings, ExternalEndpoint endpoint) {
        DynamoidConfig base = baseConfig(settings);
        String namespace = (base.namespace().isEmpty() ? "dynamoid" : base.namespace()) + "_" + uniqueSuffix();
        DynamoidConfig.Builder config = base.toBuilder().endpoint(endpoint.uri()).namespace(namespace);
        if (endpoint.isAws()) {
            config.aws(awsRegion(base.region()));
        } else {
            config.adapter(DynamoidConfig.Adapter.LOCAL);
        }
        return withTables(new Backend(null, endpoint, Dynamoid.create(config.build())), settings);
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

    private static DynamoidConfig baseConfig(Settings settings) {
        return settings.config().apply(DynamoidConfig.builder()).build();
    }

    private static Backend withTables(Backend backend, Settings settings) {
        try {
            backend.createTables(settings.models());
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String awsRegion(String fallback) {
        for (String value : new String[] {System.getProperty("aws.region"), System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION")}) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return fallback;
    }

    Dynamoid dynamoid() {
        return dynamoid;
    }

    /** The ORM's own client: what a test reads with it is what the ORM wrote, whatever keys and region it uses. */
    DynamoDbClient client() {
        return dynamoid.client();
    }

    URI endpoint() {
        return dynamoid.endpoint();
    }

    /** The embedded emulator, or null when running against an external endpoint. */
    Emulator emulator() {
        return emulator;
    }

    ExternalEndpoint externalEndpoint() {
        return external;
    }

    synchronized DynamoDbAsyncClient asyncClient() {
        if (asyncClient == null) {
            DynamoDbServiceClientConfiguration like = client().serviceClientConfiguration();
            // Our own event loops: a Netty client closing its own waits out a 2 s quiet period, per class.
            asyncEventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();
            asyncClient = DynamoDbAsyncClient.builder()
                    .region(like.region())
                    .credentialsProvider(like.credentialsProvider())
                    .endpointOverride(endpoint())
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(asyncEventLoops))
                    .build();
        }
        return asyncClient;
    }

    synchronized DynamoDbStreamsClient streamsClient() {
        if (streamsClient == null) {
            DynamoDbServiceClientConfiguration like = client().serviceClientConfiguration();
            streamsClient = DynamoDbStreamsClient.builder()
                    .region(like.region())
                    .credentialsProvider(like.credentialsProvider())
                    .endpointOverride(endpoint())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return streamsClient;
    }

    void createTables(List<Class<? extends Model<?>>> models) {
        if (!models.isEmpty()) {
            dynamoid.createTables(models);
        }
    }

    /** Applies a reset; with an external endpoint it touches only this class's namespace tables. */
    void reset(Reset reset, List<Class<? extends Model<?>>> models) {
        switch (reset) {
            case NONE -> {
            }
            case EMPTY_TABLES -> {
                if (emulator != null) {
                    emptyEmbeddedTables();
                } else {
                    dynamoid.namespaceTables().forEach(table -> EndpointTables.empty(client(), table));
                }
            }
            case DROP_TABLES -> {
                dropTables(models);
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

    private void dropTables(List<Class<? extends Model<?>>> models) {
        // Through the ORM first, so that it forgets the tables it knew and creates them again on save.
        if (!dynamoid.config().namespace().isEmpty()) {
            dynamoid.deleteNamespaceTables();
        } else {
            for (Class<? extends Model<?>> model : new HashSet<>(models)) {
                dynamoid.deleteTables(model);
            }
        }
        if (emulator != null) {
            for (Database database : emulator.databases().all()) {
                List.copyOf(database.tables().values()).forEach(database::remove);
            }
        }
    }

    /** Closes the clients, the ORM and the emulator; with an external endpoint, first deletes the namespace's tables. */
    @Override
    public void close() {
        try (Emulator e = emulator; Dynamoid d = dynamoid; DynamoDbStreamsClient s = streamsClient; DynamoDbAsyncClient a = asyncClient) {
            if (external != null) {
                dynamoid.deleteNamespaceTables();
            }
        } finally {
            if (asyncEventLoops != null) {
                // Without waiting: the client is closed, nothing is in flight, the threads end on their own.
                asyncEventLoops.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String toString() {
        return emulator != null ? "embedded emulator at " + emulator.endpoint() : "endpoint " + external + ", namespace " + dynamoid.config().namespace();
    }
}
