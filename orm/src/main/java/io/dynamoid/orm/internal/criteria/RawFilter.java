package io.dynamoid.orm.internal.criteria;

import java.util.Map;

/** A filter expression written by hand, with its {@code :placeholder} values as Java values. */
public record RawFilter(String expression, Map<String, ?> values) {
    public RawFilter {
        values = Map.copyOf(values);
    }
}
