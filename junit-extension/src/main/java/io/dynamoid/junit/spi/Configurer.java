package io.dynamoid.junit.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One {@code DynamoidExtension.Builder#configure(type, operator)} call: settings for an integration's own
 * configuration builder, e.g. {@code configure(DynamoidConfig.Builder.class, c -> c.timestamps(false))}.
 */
public record Configurer<T>(Class<T> type, UnaryOperator<T> operator) {
    public Configurer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operator, "operator");
    }

    /** Applies, in order, those of the configurers that are for {@code type}. */
    public static <T> T applyAll(List<Configurer<?>> configurers, Class<T> type, T builder) {
        T result = builder;
        for (Configurer<?> configurer : configurers) {
            if (configurer.type() == type) {
                @SuppressWarnings("unchecked")
                UnaryOperator<T> operator = (UnaryOperator<T>) configurer.operator();
                result = Objects.requireNonNull(operator.apply(result), () -> "the configurer of " + type.getName() + " returned null");
            }
        }
        return result;
    }
}
