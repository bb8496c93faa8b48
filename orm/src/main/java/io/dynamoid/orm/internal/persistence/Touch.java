package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.client.Failures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamoid's {@code touch}: sets updated_at (and any other named date-time fields) to now on an existing item,
 * without saving other changes, without callbacks.
 */
public final class Touch {
    private Touch() {
    }

    public static void call(Engine engine, ModelMapping mapping, Object model, RecordState state, List<String> names) {
        List<MappedField> fields = new ArrayList<>();
        if (mapping.timestamps()) {
            fields.add(mapping.field("updated_at"));
        }
        names.forEach(n -> fields.add(mapping.field(n)));
        Instant now = Instant.now();
        Expressions e = new Expressions();
        Map<String, AttributeValue> dumped = new HashMap<>();
        for (MappedField f : fields) {
            AttributeValue v = f.dump(now);
            dumped.put(f.name(), v);
            e.set(f.name(), v);
        }
        if (!e.hasUpdates()) {
            return;
        }
        e.exists(mapping.hashKey().name());
        Map<String, AttributeValue> key = mapping.keyOfItem(state.persisted());
        try {
            engine.client().updateItem(b -> b.tableName(mapping.tableName()).key(key).updateExpression(e.update())
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()));
        } catch (ConditionalCheckFailedException ex) {
            throw new RecordNotFoundException("Cannot touch " + model.getClass().getSimpleName() + " " + key + ": it does not exist", ex);
        } catch (SdkException ex) {
            throw Failures.of("UpdateItem", mapping.tableName(), ex);
        }
        fields.forEach(f -> f.meta().set(model, now));
        Map<String, AttributeValue> persisted = new HashMap<>(state.persisted());
        persisted.putAll(dumped);
        state.persisted(persisted, engine);
    }
}
