package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.ImmutableKeyException;
import io.dynamoid.orm.InvalidValueException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.client.Failures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Instant;
import java.util.Map;

/**
 * Dynamoid's {@code update_fields} and {@code upsert}: one UpdateItem of the given attributes (and updated_at),
 * no callbacks, no validation. update_fields requires the item to exist; upsert creates it. Extra conditions
 * are equalities (a null value: the attribute is absent). A subclass of a single-table hierarchy writes only an
 * item of its class or a descendant (another class's item is as a missing one); an upsert stores the type name.
 */
public final class UpdateFields {
    private UpdateFields() {
    }

    /** The item after the update, or null when it did not exist (update_fields) or a condition failed. */
    public static Map<String, AttributeValue> call(Engine engine, ModelMapping mapping, Map<String, AttributeValue> key,
                                                   Map<String, ?> attributes, Map<String, ?> conditions, boolean upsert) {
        Expressions e = expressions(mapping, key, attributes, conditions, upsert);
        if (upsert) {
            engine.beforeWrite(mapping);
        }
        UpdateItemResponse r;
        try {
            r = engine.client().updateItem(b -> b.tableName(mapping.tableName()).key(key).updateExpression(e.update())
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValues(ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException ex) {
            return null;
        } catch (SdkException ex) {
            throw Failures.of("UpdateItem", mapping.tableName(), ex);
        }
        return r.attributes();
    }

    /**
     * The update: each attribute set (null: removed) and updated_at, under {@code attribute_exists(hash key)}
     * unless upserting, and each condition attribute equal to its value; for a model of a single-table hierarchy,
     * the type condition and stamp of {@link ClassCondition}.
     */
    public static Expressions expressions(ModelMapping mapping, Map<String, AttributeValue> key, Map<String, ?> attributes,
                                          Map<String, ?> conditions, boolean upsert) {
        Expressions e = new Expressions();
        attributes.forEach((name, value) -> {
            MappedField f = mapping.field(name);
            if (key.containsKey(f.name())) {
                throw new ImmutableKeyException("The key " + f.name() + " cannot be updated");
            }
            if (f.name().equals(mapping.typeField().attribute())) {
                throw new InvalidValueException(f.name() + " holds the class of each item of " + mapping.tableName()
                        + ": it is set when the record is created, not updated");
            }
            e.setOrRemove(f.name(), f.dump(value));
        });
        if (mapping.timestamps() && !attributes.containsKey("updated_at") && !attributes.containsKey("updatedAt")) {
            e.set(mapping.field("updated_at").name(), mapping.field("updated_at").dump(Instant.now()));
        }
        if (!e.hasUpdates()) {
            throw new InvalidValueException("Nothing to update in " + mapping.tableName() + ": no attribute given", null);
        }
        if (!upsert) {
            e.exists(mapping.hashKey().name());
        }
        conditions.forEach((name, value) -> {
            MappedField f = mapping.field(name);
            e.equal(f.name(), f.dump(value));
        });
        ClassCondition.apply(e, mapping, upsert);
        return e;
    }
}
