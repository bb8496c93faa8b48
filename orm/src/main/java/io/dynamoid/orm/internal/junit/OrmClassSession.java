package io.dynamoid.orm.internal.junit;

import io.dynamoid.junit.spi.ClassSession;
import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Model;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Optional;

/** One test class's {@link Dynamoid}, created when first needed and closed after the class. */
final class OrmClassSession implements ClassSession {
    private final DynamoidConfig config;
    private Dynamoid dynamoid;

    OrmClassSession(DynamoidConfig config) {
        this.config = config;
    }

    private synchronized Dynamoid dynamoid() {
        if (dynamoid == null) {
            dynamoid = Dynamoid.create(config);
        }
        return dynamoid;
    }

    @Override
    public Object resolve(Class<?> type) {
        return dynamoid();
    }

    /** The ORM's client: what a test reads with it is what the ORM wrote. */
    @Override
    public Optional<DynamoDbClient> client() {
        return Optional.of(dynamoid().client());
    }

    @Override
    public void createTables(List<Class<?>> models) {
        dynamoid().createTables(asModels(models));
    }

    /**
     * Deleted through the ORM, which then forgets them and creates them again on save: the namespace's tables, or
     * without a namespace those of the models (a table created on save for another model stays known).
     */
    @Override
    public synchronized void beforeTablesDropped(List<Class<?>> models) {
        if (dynamoid == null) {
            return;
        }
        if (!dynamoid.config().namespace().isEmpty()) {
            dynamoid.deleteNamespaceTables();
        } else {
            asModels(models).forEach(model -> dynamoid.deleteTables(model));
        }
    }

    @Override
    public Scope enter() {
        return dynamoid().makeCurrent()::close;
    }

    @Override
    public synchronized void close() {
        if (dynamoid != null) {
            dynamoid.close();
        }
    }

    /** Checked by the extension: each model is a {@link Model} ({@link OrmIntegration#isModel}). */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends Model<?>>> asModels(List<Class<?>> models) {
        return models.stream().<Class<? extends Model<?>>>map(m -> (Class<? extends Model<?>>) m).toList();
    }
}
