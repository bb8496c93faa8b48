package io.dynamoid.orm.internal.criteria;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names and values of the expressions of one request: every attribute name goes through a {@code #q} placeholder
 * (reserved words never bite), every value through a {@code :q} one. Shared by key condition, filter and
 * projection, which DynamoDB resolves from the same two maps.
 */
final class Placeholders {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> byAttribute = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    String name(String attribute) {
        return byAttribute.computeIfAbsent(attribute, a -> {
            String placeholder = "#q" + names.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    String value(AttributeValue value) {
        String placeholder = ":q" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** A value under a placeholder the user chose (raw filters). */
    void value(String placeholder, AttributeValue value) {
        if (!placeholder.startsWith(":")) {
            throw new IllegalArgumentException("Value placeholder '" + placeholder + "' must start with ':'");
        }
        if (values.putIfAbsent(placeholder, value) != null) {
            throw new IllegalArgumentException("Value placeholder '" + placeholder + "' is used twice (:q<n> are the ORM's own)");
        }
    }

    Map<String, String> names() {
        return names;
    }

    Map<String, AttributeValue> values() {
        return values;
    }
}
