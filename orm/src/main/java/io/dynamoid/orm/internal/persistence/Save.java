package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.ImmutableKeyException;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.RecordNotUniqueException;
import io.dynamoid.orm.StaleObjectException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.client.Failures;
import io.dynamoid.orm.internal.meta.FieldMeta;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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
        FieldMeta hash = mapping.hashKey().meta();
        if (hash.role() == FieldMeta.Role.AUTO_ID && hash.get(model) == null) {
            hash.set(model, UUID.randomUUID().toString());
        }
        Instant now = Instant.now();
        if (mapping.timestamps()) {
            setIfNull(mapping, FieldMeta.Role.CREATED_AT, model, now);
            set(mapping, FieldMeta.Role.UPDATED_AT, model, now);
        }
        FieldMeta ttl = mapping.meta().ttl();
        if (ttl != null && ttl.get(model) == null && mapping.meta().ttlAfterSeconds() > 0) {
            Instant expiry = now.plusSeconds(mapping.meta().ttlAfterSeconds());
            ttl.set(model, ttl.type() == Instant.class ? expiry : (Object) expiry.getEpochSecond());
        }
        FieldMeta lock = mapping.meta().lockVersion();
        Object previousLock = lock == null ? null : lock.get(model);
        if (lock != null) {
            lock.set(model, nextVersion(lock, previousLock));
        }
        mapping.keyOf(model); // MissingHashKey / MissingRangeKey before any request
        Map<String, AttributeValue> item = mapping.dump(model);
        Expressions condition = new Expressions().notExists(mapping.hashKey().name());
        engine.beforeWrite(mapping);
        try {
            engine.client().putItem(b -> b.tableName(mapping.tableName()).item(item)
                    .conditionExpression(condition.condition()).expressionAttributeNames(condition.names()));
        } catch (ConditionalCheckFailedException e) {
            if (lock != null) {
                lock.set(model, previousLock);
            }
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
        if (mapping.timestamps()) {
            set(mapping, FieldMeta.Role.UPDATED_AT, model, Instant.now());
        }
        FieldMeta lock = mapping.meta().lockVersion();
        Object previousLock = lock == null ? null : lock.get(model);
        if (lock != null) {
            lock.set(model, nextVersion(lock, previousLock));
        }
        Map<String, AttributeValue> after = mapping.dump(model);
        Map<String, AttributeValue> key = mapping.keyOf(model);
        key.forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                throw new ImmutableKeyException("The key " + name + " of a persisted " + model.getClass().getSimpleName()
                        + " cannot change (DynamoDB cannot update a key): create a new record instead");
            }
        });
        Expressions e = new Expressions();
        Changes.of(after, before).forEach(e::setOrRemove);
        e.exists(mapping.hashKey().name());
        if (lock != null) {
            e.equal(mapping.field(lock.attributeName()).name(), before.get(lock.attributeName()));
        }
        try {
            engine.client().updateItem(b -> b.tableName(mapping.tableName()).key(key).updateExpression(e.update())
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException ex) {
            if (lock != null) {
                lock.set(model, previousLock);
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

    private static Object nextVersion(FieldMeta lock, Object current) {
        long next = (current == null ? 0 : ((Number) current).longValue()) + 1;
        return lock.type() == int.class || lock.type() == Integer.class ? (Object) (int) next : (Object) next;
    }

    private static void set(ModelMapping mapping, FieldMeta.Role role, Object model, Instant now) {
        for (MappedField f : mapping.fields()) {
            if (f.meta().role() == role) {
                f.meta().set(model, now);
            }
        }
    }

    private static void setIfNull(ModelMapping mapping, FieldMeta.Role role, Object model, Instant now) {
        for (MappedField f : mapping.fields()) {
            if (f.meta().role() == role && Objects.isNull(f.meta().get(model))) {
                f.meta().set(model, now);
            }
        }
    }
}
