package io.dynamoid.orm.internal;

import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.ScanProhibitedException;
import io.dynamoid.orm.internal.client.Backoff;
import io.dynamoid.orm.internal.meta.ModelMeta;
import io.dynamoid.orm.internal.tables.TableManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the persistence services of one {@code Dynamoid} instance share: configuration, SDK client, the
 * model mappings under that configuration, and the tables known to exist.
 */
public final class Engine {
    private static final Logger log = LoggerFactory.getLogger("io.dynamoid.orm.scan");

    private final DynamoidConfig config;
    private final DynamoDbClient client;
    private final Object owner;
    private final ConcurrentMap<Class<?>, ModelMapping> mappings = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<Class<?>>, RecordMapping<?>> recordMappings = new ConcurrentHashMap<>();
    private final TableManager tables;
    private final Backoff backoff;

    /** {@code owner} is the public instance this engine serves (handed back to records that need it). */
    public Engine(DynamoidConfig config, DynamoDbClient client, Object owner) {
        this.config = config;
        this.client = client;
        this.owner = owner;
        this.backoff = new Backoff(config.batchRetries(), config.backoffBase(), config.backoffCeiling());
        this.tables = new TableManager(this);
    }

    public DynamoidConfig config() {
        return config;
    }

    public DynamoDbClient client() {
        return client;
    }

    public Object owner() {
        return owner;
    }

    public TableManager tables() {
        return tables;
    }

    public Backoff backoff() {
        return backoff;
    }

    public ModelMapping mapping(Class<?> modelType) {
        return mappings.computeIfAbsent(modelType, t -> new ModelMapping(ModelMeta.of(t), config));
    }

    /** A record type as a view of a model. */
    @SuppressWarnings("unchecked")
    public <R> RecordMapping<R> recordMapping(Class<?> modelType, Class<R> recordType) {
        return (RecordMapping<R>) recordMappings.computeIfAbsent(List.of(modelType, recordType),
                k -> new RecordMapping<>(mapping(modelType), recordType));
    }

    /** Before a write: creates the table when it is missing and the configuration says so. */
    public void beforeWrite(ModelMapping mapping) {
        if (config.createTableOnSave()) {
            tables.ensureExists(mapping);
        }
    }

    /** Before a Scan: warns or refuses as configured. */
    public void beforeScan(ModelMapping mapping, String why) {
        if (config.errorOnScan()) {
            throw new ScanProhibitedException("Scanning table " + mapping.tableName() + " (" + why + ") is prohibited by errorOnScan");
        }
        if (config.warnOnScan()) {
            log.warn("Scanning table {} ({}): it reads every item", mapping.tableName(), why);
        }
    }
}
