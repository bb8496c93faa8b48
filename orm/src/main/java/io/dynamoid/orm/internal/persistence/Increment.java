package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.client.Failures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Dynamoid's {@code inc}: atomic counters with UpdateExpression ADD (a negative amount decrements). Like
 * DynamoDB's ADD, a missing item or attribute starts from 0. Optionally touches updated_at.
 */
public final class Increment {
    private Increment() {
    }

    /**
     * The item's attributes after the increment; null when the key holds an item of a class outside this model's
     * subtree of a single-table hierarchy, which is left alone (a new item gets the model's type name).
     */
    public static Map<String, AttributeValue> call(Engine engine, ModelMapping mapping, Map<String, AttributeValue> key,
                                                   Map<String, ? extends Number> amounts, boolean touch) {
        Expressions e = expressions(mapping, amounts, touch);
        engine.beforeWrite(mapping);
        try {
            return engine.client().updateItem(b -> b.tableName(mapping.tableName()).key(key).updateExpression(e.update())
                    .conditionExpression(e.condition()).expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException ex) {
            return null;
        } catch (SdkException ex) {
            throw Failures.of("UpdateItem", mapping.tableName(), ex);
        }
    }

    /**
     * ADD of each amount (a negative one decrements), with {@code touch} SET updated_at, and for a model of a
     * single-table hierarchy the type condition and stamp of {@link ClassCondition}.
     */
    public static Expressions expressions(ModelMapping mapping, Map<String, ? extends Number> amounts, boolean touch) {
        Expressions e = new Expressions();
        amounts.forEach((name, amount) -> {
            MappedField f = mapping.field(name);
            e.add(f.name(), AttributeValue.fromN(new BigDecimal(amount.toString()).toPlainString()));
        });
        if (touch && mapping.timestamps()) {
            MappedField updatedAt = mapping.field("updated_at");
            e.set(updatedAt.name(), updatedAt.dump(Instant.now()));
        }
        ClassCondition.apply(e, mapping, true);
        return e;
    }
}
