package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.StaleObjectException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.client.Failures;
import io.dynamoid.orm.internal.meta.FieldMeta;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;

/**
 * Deleting: one record (DeleteItem; with optimistic locking, only if its lock version is unchanged), or many
 * keys at once (BatchWriteItem). Like DynamoDB, deleting a missing item is not an error.
 */
public final class Delete {
    private Delete() {
    }

    public static void record(Engine engine, ModelMapping mapping, Object model, RecordState state) {
        Map<String, AttributeValue> key = state.isNew() ? mapping.keyOf(model) : mapping.keyOfItem(state.persisted());
        Expressions e = recordCondition(mapping, state);
        try {
            engine.client().deleteItem(b -> b.tableName(mapping.tableName()).key(key).conditionExpression(e.condition())
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException ex) {
            throw new StaleObjectException("Attempted to delete a stale " + model.getClass().getSimpleName() + " " + key
                    + ": its lock version changed or it was deleted", ex);
        } catch (SdkException ex) {
            throw Failures.of("DeleteItem", mapping.tableName(), ex);
        }
        state.destroyed();
    }

    /** The condition of deleting a record: with optimistic locking, its lock version is still the one read. */
    public static Expressions recordCondition(ModelMapping mapping, RecordState state) {
        Expressions e = new Expressions();
        FieldMeta lock = mapping.meta().lockVersion();
        if (lock != null && !state.isNew()) {
            e.equal(lock.attributeName(), state.persisted().get(lock.attributeName()));
        }
        return e;
    }

    /**
     * Deletes the item with this key; for a subclass of a single-table hierarchy, only if the item is of that class
     * or a descendant (an item of another class is left alone, as a missing one would be).
     */
    public static void key(Engine engine, ModelMapping mapping, Map<String, AttributeValue> key) {
        Expressions e = new Expressions();
        ClassCondition.apply(e, mapping, false);
        try {
            engine.client().deleteItem(b -> b.tableName(mapping.tableName()).key(key).conditionExpression(e.condition())
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException ex) {
            // Not of this class: not this finder's to delete.
        } catch (SdkException ex) {
            throw Failures.of("DeleteItem", mapping.tableName(), ex);
        }
    }

    public static void keys(Engine engine, ModelMapping mapping, List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> requests = keys.stream()
                .map(k -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build()).build())
                .toList();
        Batches.write(engine, mapping.tableName(), requests);
    }
}
