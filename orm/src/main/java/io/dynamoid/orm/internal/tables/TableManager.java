package io.dynamoid.orm.internal.tables;

import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.Projection;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.client.Failures;
import io.dynamoid.orm.internal.meta.FieldMeta;
import io.dynamoid.orm.internal.meta.IndexMeta;
import io.dynamoid.orm.internal.persistence.Delete;
import io.dynamoid.orm.internal.persistence.Find;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, deletes and empties the tables of models, and remembers which tables exist so that
 * createTableOnSave costs one DescribeTable per table, not one per write.
 */
public final class TableManager {
    /** Emulators create tables at once; AWS takes seconds and limits DescribeTable calls. */
    private static final Duration LOCAL_POLL = Duration.ofMillis(50);
    private static final Duration AWS_POLL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(TableManager.class);

    private final Engine engine;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public TableManager(Engine engine) {
        this.engine = engine;
    }

    private DynamoDbClient client() {
        return engine.client();
    }

    /**
     * Creates the table unless it exists, then waits until it is ACTIVE. On an emulator (LOCAL) the table is
     * usually new (a test's), so CreateTable comes first and ResourceInUse means it exists: one request fewer. On
     * AWS a DescribeTable comes first, keeping the usual case (the table exists) at one request that needs no
     * CreateTable permission.
     */
    public void ensureExists(ModelMapping mapping) {
        if (known.contains(mapping.tableName())) {
            return;
        }
        synchronized (this) {
            if (known.contains(mapping.tableName())) {
                return;
            }
            if (engine.config().adapter() == DynamoidConfig.Adapter.LOCAL || !exists(mapping.tableName())) {
                create(mapping);
            }
            known.add(mapping.tableName());
        }
    }

    public boolean exists(String tableName) {
        try {
            DescribeTableResponse r = client().describeTable(b -> b.tableName(tableName));
            if (r.table().tableStatus() != TableStatus.ACTIVE) {
                awaitActive(tableName);
            }
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        } catch (SdkException e) {
            throw Failures.of("DescribeTable", tableName, e);
        }
    }

    /**
     * Creates the model's table with its keys, indexes, capacity and time-to-live, unless it exists; waits until
     * ACTIVE. A table that existed already is left as it is (its time to live too).
     */
    public void create(ModelMapping mapping) {
        String table = mapping.tableName();
        TableStatus status;
        try {
            status = client().createTable(createRequest(mapping)).tableDescription().tableStatus();
        } catch (ResourceInUseException e) {
            // It exists (created earlier, or meanwhile by another thread, process or test): it must be ACTIVE.
            awaitActive(table);
            known.add(table);
            return;
        } catch (SdkException e) {
            throw Failures.of("CreateTable", table, e);
        }
        if (status != TableStatus.ACTIVE) {
            awaitActive(table);
        }
        FieldMeta ttl = mapping.meta().ttl();
        if (ttl != null) {
            enableTimeToLive(table, ttl.attributeName());
        }
        known.add(table);
    }

    /**
     * Makes the attribute the table's time to live. An emulator without the operation (dynalite) only gets a
     * warning: the table and its expiry attribute work, items just never expire there.
     */
    private void enableTimeToLive(String table, String attribute) {
        try {
            client().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)));
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() == null || !"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw Failures.of("UpdateTimeToLive", table, e);
            }
            log.warn("The endpoint does not implement UpdateTimeToLive: items of {} will not expire by their '{}' attribute", table, attribute);
        } catch (SdkException e) {
            throw Failures.of("UpdateTimeToLive", table, e);
        }
    }

    /** Deletes the table if it exists and waits until it is gone. */
    public void delete(String tableName) {
        known.remove(tableName);
        try {
            client().deleteTable(b -> b.tableName(tableName));
        } catch (ResourceNotFoundException e) {
            return;
        } catch (SdkException e) {
            throw Failures.of("DeleteTable", tableName, e);
        }
        // A waiter that gives up throws; its matched "exception" here is the ResourceNotFound that means success.
        try (DynamoDbWaiter waiter = waiter()) {
            waiter.waitUntilTableNotExists(b -> b.tableName(tableName));
        } catch (SdkException e) {
            throw Failures.of("DescribeTable", tableName, e);
        }
    }

    /** Removes every item of the model's table (Scan of the keys, then batched deletes); keeps the table. */
    public void truncate(ModelMapping mapping) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        // The scan asks for the keys only; keeping just them also guards against an endpoint that returns more.
        Find.scanKeys(engine, mapping, item -> keys.add(mapping.keyOfItem(item)));
        Delete.keys(engine, mapping, keys);
    }

    /** The tables whose names start with the namespace prefix ({@code namespace_}); all tables when there is none. */
    public List<String> namespaceTables() {
        String namespace = engine.config().namespace();
        String prefix = namespace.isEmpty() ? "" : namespace + "_";
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse r;
            try {
                r = client().listTables(b -> b.exclusiveStartTableName(from));
            } catch (SdkException e) {
                throw Failures.of("ListTables", "-", e);
            }
            r.tableNames().stream().filter(n -> n.startsWith(prefix)).forEach(names::add);
            start = r.lastEvaluatedTableName();
        } while (start != null);
        return names;
    }

    private void awaitActive(String tableName) {
        try (DynamoDbWaiter waiter = waiter()) {
            waiter.waitUntilTableExists(b -> b.tableName(tableName));
        } catch (SdkException e) {
            throw Failures.of("DescribeTable", tableName, e);
        }
    }

    private DynamoDbWaiter waiter() {
        Duration timeout = engine.config().tableWaitTimeout();
        Duration poll = engine.config().adapter() == DynamoidConfig.Adapter.LOCAL ? LOCAL_POLL : AWS_POLL;
        return DynamoDbWaiter.builder()
                .client(client())
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(poll))
                        .maxAttempts((int) Math.max(1, timeout.toMillis() / poll.toMillis()))
                        .waitTimeout(timeout)
                        .build())
                .build();
    }

    static CreateTableRequest createRequest(ModelMapping mapping) {
        DynamoidConfig config = mapping.config();
        boolean provisioned = config.capacityMode() == DynamoidConfig.CapacityMode.PROVISIONED;
        long read = mapping.meta().readCapacity() > 0 ? mapping.meta().readCapacity() : config.readCapacity();
        long write = mapping.meta().writeCapacity() > 0 ? mapping.meta().writeCapacity() : config.writeCapacity();

        Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(mapping.tableName())
                .keySchema(keySchema(mapping.hashKey(), mapping.rangeKey(), definitions));
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (IndexMeta index : mapping.meta().indexes()) {
            List<KeySchemaElement> schema = keySchema(mapping.field(index.hashKey().attributeName()),
                    index.rangeKey() == null ? null : mapping.field(index.rangeKey().attributeName()), definitions);
            software.amazon.awssdk.services.dynamodb.model.Projection projection = projection(index);
            String name = index.nameOn(mapping.tableName());
            if (index.global()) {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName(name).keySchema(schema).projection(projection);
                if (provisioned) {
                    gsi.provisionedThroughput(throughput(index.readCapacity() > 0 ? index.readCapacity() : read,
                            index.writeCapacity() > 0 ? index.writeCapacity() : write));
                }
                globals.add(gsi.build());
            } else {
                locals.add(LocalSecondaryIndex.builder().indexName(name).keySchema(schema).projection(projection).build());
            }
        }
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        request.attributeDefinitions(definitions.values());
        if (provisioned) {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(read, write));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(MappedField hash, MappedField range, Map<String, AttributeDefinition> definitions) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(hash.name()).keyType(KeyType.HASH).build());
        define(hash, definitions);
        if (range != null) {
            schema.add(KeySchemaElement.builder().attributeName(range.name()).keyType(KeyType.RANGE).build());
            define(range, definitions);
        }
        return schema;
    }

    private static void define(MappedField key, Map<String, AttributeDefinition> definitions) {
        if (key.codec().keyType() == null) {
            throw new ModelDefinitionException("Field " + key.meta() + " cannot be a key: it is not stored as a string, number or binary");
        }
        definitions.putIfAbsent(key.name(), AttributeDefinition.builder()
                .attributeName(key.name()).attributeType(key.codec().keyType()).build());
    }

    private static software.amazon.awssdk.services.dynamodb.model.Projection projection(IndexMeta index) {
        var projection = software.amazon.awssdk.services.dynamodb.model.Projection.builder()
                .projectionType(ProjectionType.valueOf(index.projection().name()));
        if (index.projection() == Projection.INCLUDE) {
            projection.nonKeyAttributes(index.projectedAttributes());
        }
        return projection.build();
    }

    private static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }
}
