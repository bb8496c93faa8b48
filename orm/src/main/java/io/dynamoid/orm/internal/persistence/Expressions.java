package io.dynamoid.orm.internal.persistence;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds update and condition expressions with placeholders for every name and value, so attribute names
 * never collide with DynamoDB's reserved words.
 */
public final class Expressions {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> set = new ArrayList<>();
    private final List<String> remove = new ArrayList<>();
    private final List<String> add = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();

    String name(String attribute) {
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    Expressions set(String attribute, AttributeValue value) {
        set.add(name(attribute) + " = " + value(value));
        return this;
    }

    Expressions remove(String attribute) {
        remove.add(name(attribute));
        return this;
    }

    Expressions add(String attribute, AttributeValue number) {
        add.add(name(attribute) + " " + value(number));
        return this;
    }

    /** SET when there is a value, else REMOVE. */
    Expressions setOrRemove(String attribute, AttributeValue valueOrNull) {
        return valueOrNull == null ? remove(attribute) : set(attribute, valueOrNull);
    }

    Expressions exists(String attribute) {
        conditions.add("attribute_exists(" + name(attribute) + ")");
        return this;
    }

    Expressions notExists(String attribute) {
        conditions.add("attribute_not_exists(" + name(attribute) + ")");
        return this;
    }

    /** The attribute equals the value; a null value means the attribute is absent. */
    Expressions equal(String attribute, AttributeValue valueOrNull) {
        conditions.add(valueOrNull == null ? "attribute_not_exists(" + name(attribute) + ")"
                : name(attribute) + " = " + value(valueOrNull));
        return this;
    }

    /** SET the attribute to the value only if the item does not have it yet (e.g. a new item). */
    Expressions setIfAbsent(String attribute, AttributeValue value) {
        String name = name(attribute);
        set.add(name + " = if_not_exists(" + name + ", " + value(value) + ")");
        return this;
    }

    /** The attribute is one of the values; with {@code orAbsent}, the item may also not exist (no {@code absent} attribute). */
    Expressions in(String attribute, List<AttributeValue> oneOf, String orAbsent) {
        String in = name(attribute) + " IN (" + String.join(", ", oneOf.stream().map(this::value).toList()) + ")";
        conditions.add(orAbsent == null ? in : "(attribute_not_exists(" + name(orAbsent) + ") OR " + in + ")");
        return this;
    }

    boolean hasUpdates() {
        return !set.isEmpty() || !remove.isEmpty() || !add.isEmpty();
    }

    public String update() {
        StringBuilder sb = new StringBuilder();
        clause(sb, "SET ", set);
        clause(sb, "REMOVE ", remove);
        clause(sb, "ADD ", add);
        return sb.toString();
    }

    /** The condition, or null when there is none. */
    public String condition() {
        return conditions.isEmpty() ? null : String.join(" AND ", conditions);
    }

    /** The names, or null when none are used (DynamoDB refuses an empty map). */
    public Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }

    private static void clause(StringBuilder sb, String keyword, List<String> parts) {
        if (!parts.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(keyword).append(String.join(", ", parts));
        }
    }
}
