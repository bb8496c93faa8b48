package io.dynamoid.emulator.expressions;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateItem's legacy AttributeUpdates (PUT, ADD, DELETE per top-level attribute), validated and applied
 * as DynamoDB does (dynalite's validations/updateItem.js and actions/updateItem.js). Unlike the ADD of an
 * UpdateExpression, the legacy ADD also appends to lists.
 */
public final class AttributeUpdates {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

    /** One attribute's update; {@code value} is null for a DELETE of the whole attribute. */
    public record Update(String attribute, String action, AttrValue value) {
    }

    private final List<Update> updates;

    private AttributeUpdates(List<Update> updates) {
        this.updates = updates;
    }

    /** Reads and checks AttributeUpdates with DynamoDB's messages; null when the request has none. */
    public static AttributeUpdates read(JsonNode attributeUpdates) {
        if (attributeUpdates == null) return null;
        List<Update> updates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributeUpdates.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode valueNode = entry.getValue().get("Value");
            JsonNode actionNode = entry.getValue().get("Action");
            String action = actionNode == null ? "PUT" : actionNode.textValue();
            AttrValue value = valueNode == null ? null : AttrValueJson.read(valueNode);
            if (value == null && !action.equals("DELETE")) {
                throw Errors.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
            }
            if (value != null && action.equals("DELETE") && !isSet(value)) {
                throw Errors.validation(INVALID + "DELETE action with value is not supported for the type " + value.type());
            }
            if (value != null && action.equals("ADD") && !isSet(value) && !(value instanceof AttrValue.N) && !(value instanceof AttrValue.L)) {
                throw Errors.validation(INVALID + "ADD action is not supported for the type " + value.type());
            }
            updates.add(new Update(entry.getKey(), action, value));
        }
        return new AttributeUpdates(List.copyOf(updates));
    }

    private static boolean isSet(AttrValue value) {
        return value instanceof AttrValue.SS || value instanceof AttrValue.NS || value instanceof AttrValue.BS;
    }

    public List<Update> updates() {
        return updates;
    }

    /** The updated attributes, as paths (for UPDATED_OLD / UPDATED_NEW). */
    public List<Path> paths() {
        List<Path> paths = new ArrayList<>(updates.size());
        for (Update update : updates) paths.add(Path.of(update.attribute()));
        return paths;
    }

    public boolean updates(String attribute) {
        for (Update update : updates) if (update.attribute().equals(attribute)) return true;
        return false;
    }

    /** The type a PUT or ADD gives {@code attribute}, or null. */
    public String declaredType(String attribute) {
        for (Update update : updates) {
            if (update.attribute().equals(attribute) && update.value() != null) return update.value().type();
        }
        return null;
    }

    /** Applies the updates to {@code item} and returns the new attributes. */
    public Map<String, AttrValue> apply(Map<String, AttrValue> item) {
        Map<String, AttrValue> result = new LinkedHashMap<>(item);
        for (Update update : updates) {
            String name = update.attribute();
            AttrValue existing = result.get(name);
            AttrValue value = update.value();
            switch (update.action()) {
                case "ADD" -> {
                    if (existing != null && !existing.type().equals(value.type())) throw Errors.validation(TYPE_MISMATCH);
                    if (existing instanceof AttrValue.L list) {
                        List<AttrValue> joined = new ArrayList<>(list.values());
                        joined.addAll(((AttrValue.L) value).values());
                        result.put(name, new AttrValue.L(joined));
                    } else {
                        result.put(name, UpdateExpression.add(existing, value));
                    }
                }
                case "DELETE" -> {
                    if (value == null) {
                        result.remove(name);
                    } else if (existing != null) {
                        if (!existing.type().equals(value.type())) throw Errors.validation(TYPE_MISMATCH);
                        AttrValue left = UpdateExpression.delete(existing, value);
                        if (left == null) result.remove(name);
                        else result.put(name, left);
                    }
                }
                default -> result.put(name, value);
            }
        }
        return result;
    }
}
