package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.protocol.AttrValue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all its expressions, and
 * which of them no expression used yet (DynamoDB refuses unused ones).
 */
final class Placeholders {
    private final Map<String, String> names;
    private final Map<String, AttrValue> values;
    private final Set<String> unusedNames;
    private final Set<String> unusedValues;

    Placeholders(Map<String, String> names, Map<String, AttrValue> values) {
        this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
        this.unusedNames = new LinkedHashSet<>(this.names.keySet());
        this.unusedValues = new LinkedHashSet<>(this.values.keySet());
    }

    /** The attribute name behind {@code #placeholder}, or null when it is not defined. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) unusedNames.remove(placeholder);
        return name;
    }

    /** The value behind {@code :placeholder}, or null when it is not defined. */
    AttrValue value(String placeholder) {
        AttrValue value = values.get(placeholder);
        if (value != null) unusedValues.remove(placeholder);
        return value;
    }

    Set<String> unusedNames() {
        return unusedNames;
    }

    Set<String> unusedValues() {
        return unusedValues;
    }
}
