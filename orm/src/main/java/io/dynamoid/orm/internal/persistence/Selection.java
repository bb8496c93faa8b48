package io.dynamoid.orm.internal.persistence;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which attributes a read returns: a ProjectionExpression with a placeholder per name. {@link #ALL} (null
 * expression) reads whole items.
 */
public record Selection(String expression, Map<String, String> names) {
    public static final Selection ALL = new Selection(null, null);

    /** These attributes (duplicates read once). */
    public static Selection of(Collection<String> attributes) {
        Expressions e = new Expressions();
        List<String> placeholders = new LinkedHashSet<>(attributes).stream().map(e::name).toList();
        return new Selection(String.join(", ", placeholders), e.names());
    }
}
