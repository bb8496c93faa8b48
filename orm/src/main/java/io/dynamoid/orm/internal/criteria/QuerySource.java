package io.dynamoid.orm.internal.criteria;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What a chain needs from its finder: the model, the engine (resolved when the chain runs, so a chain built
 * outside a scope works inside it), consistency, and how an item becomes a loaded record.
 */
public record QuerySource<T>(Class<T> type, Supplier<Engine> engine, boolean consistent, Loader<T> loader) {
    @FunctionalInterface
    public interface Loader<T> {
        T load(Engine engine, ModelMapping mapping, Map<String, AttributeValue> item);
    }
}
