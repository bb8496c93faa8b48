package io.dynamoid.emulator.expressions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.TableDefinition;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The request-level entry points, in DynamoDB's validation order (ported from dynalite's
 * {@code validations/index.js}): {@link #checkParameters} first (expression vs. legacy parameters), then
 * the operation's own checks, then {@link #compile} (placeholder maps, each expression parsed and bound in
 * the order Update, Condition, KeyCondition, Filter, Projection, then unused placeholders).
 */
public final class Expressions {
    /** "The maximum length of any expression string is 4 KB" (Developer Guide, expression parameter quotas). */
    private static final int MAX_EXPRESSION_BYTES = 4096;
    private static final int MAX_PLACEHOLDER_BYTES = 255;
    private static final String SCALAR_KEYS = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ";
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private Expressions() {
    }

    /**
     * Every expression of one request, bound to its placeholders; absent ones are null.
     */
    public record Compiled(UpdateExpression update, ConditionExpression condition, ConditionExpression keyCondition,
                           ConditionExpression filter, Projection projection) {
    }

    /**
     * DynamoDB's rules on which parameters go together: an operation's expression parameters exclude its
     * legacy ones, and the placeholder maps need an expression.
     *
     * @param expressionParameters e.g. {@code UpdateExpression, ConditionExpression} for UpdateItem
     * @param legacyParameters     e.g. {@code AttributeUpdates, Expected} for UpdateItem
     */
    public static void checkParameters(ObjectNode request, List<String> expressionParameters, List<String> legacyParameters) {
        List<String> expressions = present(request, expressionParameters);
        if (!expressions.isEmpty()) {
            List<String> legacy = new ArrayList<>(legacyParameters);
            // Query may combine legacy KeyConditions with expression filters/projections
            if (request.has("KeyConditions") && !request.has("KeyConditionExpression")) legacy.remove("KeyConditions");
            List<String> legacyPresent = present(request, legacy);
            if (!legacyPresent.isEmpty()) {
                throw Errors.validation("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {" + String.join(", ", legacyPresent) + "} "
                        + "Expression parameters: {" + String.join(", ", expressions) + "}");
            }
        }
        if (request.has("ExpressionAttributeNames") && expressions.isEmpty()) {
            throw Errors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = new ArrayList<>(expressionParameters);
        valueExpressions.remove("ProjectionExpression");
        if (!valueExpressions.isEmpty() && request.has("ExpressionAttributeValues")
                && present(request, valueExpressions).isEmpty()) {
            throw Errors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + " " + (valueExpressions.size() > 1 ? "are" : "is") + " null");
        }
    }

    /**
     * The condition of a PutItem, DeleteItem or UpdateItem request: its ConditionExpression, or its legacy
     * Expected joined by ConditionalOperator; null when it has neither. Call after {@link #checkParameters}
     * and {@link LegacyConditions#checkExpected}, as DynamoDB validates in that order.
     */
    public static ConditionExpression condition(ObjectNode request) {
        ConditionExpression condition = compile(request).condition();
        return condition != null ? condition : LegacyConditions.expected(request.get("Expected"), request.get("ConditionalOperator"));
    }

    /** The ProjectionExpression of a request (placeholders checked), or null when it has none. */
    public static Projection projection(ObjectNode request) {
        return compile(request).projection();
    }

    /**
     * Throws ConditionalCheckFailedException when {@code existing} (null when there is no item) fails the
     * condition, carrying the item when the request asked ReturnValuesOnConditionCheckFailure=ALL_OLD.
     * Call while holding the item's lock.
     */
    public static void checkCondition(ConditionExpression condition, Item existing, ObjectNode request) {
        if (condition == null || condition.matches(existing == null ? null : existing.attributes())) return;
        DynamoException failed = Errors.conditionalCheckFailed(null);
        JsonNode returnValues = request.get("ReturnValuesOnConditionCheckFailure");
        if (existing != null && returnValues != null && "ALL_OLD".equals(returnValues.textValue())) {
            failed.withItem(existing.attributes());
        }
        throw failed;
    }

    /**
     * DynamoDB refuses a nested path (a.b, a[0]) into a table or secondary-index key attribute, in an update or
     * a projection (dynalite's db.validateKeyPaths): key attributes are scalars.
     */
    public static void checkKeyPaths(Set<String> nestedPathHeads, TableDefinition definition) {
        if (nestedPathHeads.isEmpty()) return;
        for (KeyElement element : definition.keySchema().elements()) {
            if (nestedPathHeads.contains(element.name())) throw Errors.validation(SCALAR_KEYS + "Key: " + element.name());
        }
        List<IndexDefinition> indexes = new ArrayList<>(definition.globalIndexes());
        indexes.addAll(definition.localIndexes());
        for (IndexDefinition index : indexes) {
            for (KeyElement element : index.keySchema().elements()) {
                if (nestedPathHeads.contains(element.name())) throw Errors.validation(SCALAR_KEYS + "IndexKey: " + element.name());
            }
        }
    }

    private static List<String> present(ObjectNode request, List<String> parameters) {
        List<String> present = new ArrayList<>();
        for (String parameter : parameters) if (request.has(parameter)) present.add(parameter);
        return present;
    }

    /** Checks the placeholder maps, then parses and binds every expression present in the request. */
    public static Compiled compile(ObjectNode request) {
        Placeholders placeholders = new Placeholders(names(request.get("ExpressionAttributeNames")),
                values(request.get("ExpressionAttributeValues")));
        UpdateExpression update = null;
        String updateText = text(request, "UpdateExpression");
        if (updateText != null) {
            Binder.BoundUpdate bound = bind("UpdateExpression", updateText,
                    () -> Binder.bindUpdate(Parser.update(updateText), placeholders));
            update = new UpdateExpression(bound.actions(), bound.nestedPathHeads());
        }
        ConditionExpression condition = condition(request, "ConditionExpression", placeholders);
        ConditionExpression keyCondition = condition(request, "KeyConditionExpression", placeholders);
        ConditionExpression filter = condition(request, "FilterExpression", placeholders);
        Projection projection = null;
        String projectionText = text(request, "ProjectionExpression");
        if (projectionText != null) {
            projection = new Projection(bind("ProjectionExpression", projectionText,
                    () -> Binder.bindProjection(Parser.projection(projectionText), placeholders)));
        }
        if (!placeholders.unusedNames().isEmpty()) {
            throw Errors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", placeholders.unusedNames()) + "}");
        }
        if (!placeholders.unusedValues().isEmpty()) {
            throw Errors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", placeholders.unusedValues()) + "}");
        }
        return new Compiled(update, condition, keyCondition, filter, projection);
    }

    private static ConditionExpression condition(ObjectNode request, String parameter, Placeholders placeholders) {
        String text = text(request, parameter);
        if (text == null) return null;
        Binder.BoundCondition bound = bind(parameter, text, () -> Binder.bindCondition(Parser.condition(text), placeholders));
        return new ConditionExpression(bound.condition(), bound.pathHeads(), bound.nestedPathHeads());
    }

    private static <T> T bind(String parameter, String text, Supplier<T> parseAndBind) {
        try {
            if (text.isEmpty()) throw new ExpressionException("The expression can not be empty;");
            int size = ItemSize.utf8Length(text);
            if (size > MAX_EXPRESSION_BYTES) {
                // As DynamoDB words it: only conditions and filters give the size (ExtendDB's
                // tests/test_expression_size_limit.py, captured from DynamoDB).
                boolean withSize = parameter.equals("ConditionExpression") || parameter.equals("FilterExpression");
                throw new ExpressionException("Expression size has exceeded the maximum allowed size;" + (withSize ? " expression size: " + size : ""));
            }
            return parseAndBind.get();
        } catch (ExpressionException e) {
            throw Errors.validation("Invalid " + parameter + ": " + e.getMessage());
        }
    }

    private static String text(ObjectNode request, String parameter) {
        JsonNode node = request.get(parameter);
        return node == null ? null : node.textValue();
    }

    private static Map<String, String> names(JsonNode node) {
        if (node == null) return null;
        if (node.isEmpty()) throw Errors.validation("ExpressionAttributeNames must not be empty");
        Map<String, String> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checkKeyLength("ExpressionAttributeNames", e.getKey(), true);
            if (!NAME_KEY.matcher(e.getKey()).matches()) {
                throw Errors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
            }
            names.put(e.getKey(), e.getValue().textValue());
        }
        return names;
    }

    /**
     * A placeholder is at most 255 bytes, checked before its syntax; DynamoDB gives the size for names only
     * (ExtendDB's tests/test_expression_attribute_map_validation.py, captured from DynamoDB).
     */
    private static void checkKeyLength(String parameter, String key, boolean withSize) {
        int size = ItemSize.utf8Length(key);
        if (size > MAX_PLACEHOLDER_BYTES) {
            throw Errors.validation(parameter + " contains invalid key: The expression attribute map contains a key that is too long;"
                    + (withSize ? " size of key: " + size : ""));
        }
    }

    private static Map<String, AttrValue> values(JsonNode node) {
        if (node == null) return null;
        if (node.isEmpty()) throw Errors.validation("ExpressionAttributeValues must not be empty");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            checkKeyLength("ExpressionAttributeValues", key, false);
            if (!VALUE_KEY.matcher(key).matches()) {
                throw Errors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
            }
        }
        Map<String, AttrValue> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String message = AttrValueJson.validate(e.getValue(), 0);
            if (message != null) {
                throw Errors.validation("ExpressionAttributeValues contains invalid value: " + message + " for key " + e.getKey());
            }
            values.put(e.getKey(), AttrValueJson.read(e.getValue()));
        }
        return values;
    }
}
