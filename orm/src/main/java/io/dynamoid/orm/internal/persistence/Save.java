package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.ImmutableKeyException;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.RecordNotUniqueException;
import io.dynamoid.orm.StaleObjectException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.client.Failures;
import io.dynamoid.orm.internal.meta.FieldMeta;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

/**
 * Saving a record. A new one is put with {@code attribute_not_exists(hash key)}, so an existing item is never
 * overwritten ({@link RecordNotUniqueException}); an existing one is updated with its changed attributes only,
 * under {@code attribute_exists(hash key)} and, with optimistic locking, its lock version.
 */
public final class Save {
    private Save() {
    }

    /** Writes the record; returns false when an existing record had no change (nothing was sent). */
    public static boolean call(Engine engine, ModelMapping mapping, Object model, RecordState state) {
        return state.isNew() ? create(engine, mapping, model, state) : update(engine, mapping, model, state);
    }

    private static boolean create(Engine engine, ModelMapping mapping, Object model, RecordState state) {
        Stamps.Undo stamps = Stamps.forCreate(mapping, model, Instant.now());
        mapping.keyOf(model); // MissingHashKey / MissingRangeKey before any request
        Map<String, AttributeValue> item = mapping.dump(model);
        Expressions condition = createCondition(mapping);
        engine.beforeWrite(mapping);
        try {
            engine.client().putItem(b -> b.tableName(mapping.tableName()).item(item)
                    .conditionExpression(condition.condition()).expressionAttributeNames(condition.names()));
        } catch (ConditionalCheckFailedException e) {
            stamps.restore();
            throw new RecordNotUniqueException("A " + model.getClass().getSimpleName() + " with key " + mapping.keyOf(model)
                    + " already exists in " + mapping.tableName(), e);
        } catch (SdkException e) {
            throw Failures.of("PutItem", mapping.tableName(), e);
        }
        state.persisted(item, engine);
        return true;
    }

    private static boolean update(Engine engine, ModelMapping mapping, Object model, RecordState state) {
        Map<String, AttributeValue> before = state.persisted();
        if (Changes.of(mapping.dump(model), before).isEmpty()) {
            return false;
        }
        Stamps.Undo stamps = Stamps.forUpdate(mapping, model, Instant.now());
        Map<String, AttributeValue> after = mapping.dump(model);
        Map<String, AttributeValue> key = mapping.keyOf(model);
        Expressions e;
        try {
            e = updateOf(mapping, model, before, after);
        } catch (ImmutableKeyException ex) {
            stamps.restore();
            throw ex;
        }
        try {
            engine.client().updateItem(b -> b.tableName(mapping.tableName()).key(key).updateExpression(e.update())
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException ex) {
            stamps.restore();
            if (mapping.meta().lockVersion() != null) {
                throw new StaleObjectException("Attempted to update a stale " + model.getClass().getSimpleName() + " " + key
                        + ": its lock version changed or it was deleted", ex);
            }
            throw new RecordNotFoundException("Cannot update " + model.getClass().getSimpleName() + " " + key
                    + ": it no longer exists in " + mapping.tableName(), ex);
        } catch (SdkException ex) {
            throw Failures.of("UpdateItem", mapping.tableName(), ex);
        }
        state.persisted(after, engine);
        return true;
    }

    /** The condition of a new record's put: no item with its key exists (never overwrite). */
    public static Expressions createCondition(ModelMapping mapping) {
        return new Expressions().notExists(mapping.hashKey().name());
    }

    /**
     * The update of an existing record from {@code before} to {@code after}: its changed attributes, under
     * {@code attribute_exists(hash key)} and, with optimistic locking, the lock version it was read with.
     * {@link ImmutableKeyException} when a key attribute changed.
     */
    public static Expressions updateOf(ModelMapping mapping, Object model, Map<String, AttributeValue> before,
                                       Map<String, AttributeValue> after) {
        mapping.keyOf(model).forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                throw new ImmutableKeyException("The key " + name + " of a persisted " + model.getClass().getSimpleName()
                        + " cannot change (DynamoDB cannot update a key): create a new record instead");
            }
        });
        Expressions e = new Expressions();
        Changes.of(after, before).forEach(e::setOrRemove);
        e.exists(mapping.hashKey().name());
        FieldMeta lock = mapping.meta().lockVersion();
        if (lock != null) {
            e.equal(mapping.field(lock.attributeName()).name(), before.get(lock.attributeName()));
        }
        return e;
    }
}
