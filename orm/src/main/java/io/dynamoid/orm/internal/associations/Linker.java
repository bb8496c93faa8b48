package io.dynamoid.orm.internal.associations;

import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.client.Failures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes one association attribute of a saved record with a single UpdateItem, without saving its other
 * changes: ADD / DELETE of set elements (atomic, so concurrent links are not lost), SET of a single target,
 * REMOVE; updated_at is set too when timestamps are on. The record's links, updated_at and persisted
 * snapshot then hold what DynamoDB answered.
 */
public final class Linker {
    /** How the stored keys change. */
    public enum Change { ADD, DELETE, REPLACE, CLEAR }

    private Linker() {
    }

    public static void write(Engine engine, ModelMapping mapping, Object model, RecordState state, Definition d, Change change,
                             Set<String> elements) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#a", d.attribute());
        names.put("#k", mapping.hashKey().name());
        String update = switch (change) {
            case ADD -> "ADD #a :e";
            case DELETE -> "DELETE #a :e";
            case REPLACE -> "SET #a = :e";
            case CLEAR -> "REMOVE #a";
        };
        if (change != Change.CLEAR) {
            if (elements.isEmpty()) {
                return;
            }
            values.put(":e", Storage.attribute(d, new TreeSet<>(elements)));
        }
        Instant now = Instant.now();
        MappedField updatedAt = mapping.timestamps() ? mapping.field("updated_at") : null;
        if (updatedAt != null) {
            names.put("#u", updatedAt.name());
            values.put(":u", updatedAt.dump(now));
            update = change == Change.REPLACE ? update + ", #u = :u" : update + " SET #u = :u";
        }
        Map<String, AttributeValue> key = mapping.keyOfItem(state.persisted());
        String expression = update;
        UpdateItemResponse response;
        try {
            response = engine.client().updateItem(b -> b.tableName(mapping.tableName()).key(key).updateExpression(expression)
                    .conditionExpression("attribute_exists(#k)").expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(ReturnValue.UPDATED_NEW));
        } catch (ConditionalCheckFailedException e) {
            throw new RecordNotFoundException("Cannot change " + d + " of " + model.getClass().getSimpleName() + " " + key
                    + ": it no longer exists in " + mapping.tableName(), e);
        } catch (SdkException e) {
            throw Failures.of("UpdateItem", mapping.tableName(), e);
        }
        List<String> stored = Storage.elements(response.attributes().get(d.attribute()));
        AssociationMeta.links(model, d).replace(stored);
        Map<String, AttributeValue> persisted = new HashMap<>(state.persisted());
        AttributeValue canonical = Storage.attribute(d, AssociationMeta.links(model, d).elements());
        if (canonical != null) {
            persisted.put(d.attribute(), canonical);
        } else {
            persisted.remove(d.attribute());
        }
        if (updatedAt != null) {
            updatedAt.meta().set(model, now);
            persisted.put(updatedAt.name(), values.get(":u"));
        }
        state.persisted(persisted, engine);
    }
}
