package io.dynamoid.emulator.expressions;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynamoid.emulator.expressions.Ast.And;
import io.dynamoid.emulator.expressions.Ast.Between;
import io.dynamoid.emulator.expressions.Ast.Call;
import io.dynamoid.emulator.expressions.Ast.Comparison;
import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.expressions.Ast.FunctionCondition;
import io.dynamoid.emulator.expressions.Ast.In;
import io.dynamoid.emulator.expressions.Ast.Literal;
import io.dynamoid.emulator.expressions.Ast.Not;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Or;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy condition parameters — Expected (with Exists/Value or ComparisonOperator/AttributeValueList)
 * and QueryFilter/ScanFilter/KeyConditions (ComparisonOperator/AttributeValueList) joined by
 * ConditionalOperator — validated with DynamoDB's messages (dynalite's validateAttributeConditions and
 * validateConditions) and converted into the same condition tree as expressions.
 */
public final class LegacyConditions {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private LegacyConditions() {
    }

    // ---------------------------------------------------------------- Expected

    /** DynamoDB's checks of an Expected map, in its order; throws ValidationException. */
    public static void checkExpected(JsonNode expected) {
        if (expected == null) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String attribute = entry.getKey();
            JsonNode condition = entry.getValue();
            if (condition.has("AttributeValueList") && condition.has("Value")) {
                throw Errors.validation(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + attribute);
            }
            if (condition.has("ComparisonOperator")) {
                if (condition.has("Exists")) {
                    throw Errors.validation(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
                }
                String operator = condition.get("ComparisonOperator").textValue();
                if (!operator.equals("NULL") && !operator.equals("NOT_NULL")
                        && !condition.has("AttributeValueList") && !condition.has("Value")) {
                    throw Errors.validation(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: "
                            + operator + " for Attribute: " + attribute);
                }
                List<AttrValue> values = values(condition);
                checkCount(operator, values.size());
                checkSameType(values);
                checkBetween(operator, values);
            } else if (condition.has("AttributeValueList")) {
                throw Errors.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
            } else {
                JsonNode existsNode = condition.get("Exists");
                boolean exists = existsNode == null || existsNode.booleanValue();
                if (exists && !condition.has("Value")) {
                    throw Errors.validation(INVALID + "Value must be provided when Exists is "
                            + (existsNode == null ? "null" : existsNode.booleanValue()) + " for Attribute: " + attribute);
                }
                if (!exists && condition.has("Value")) {
                    throw Errors.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + attribute);
                }
                if (condition.has("Value")) AttrValueJson.read(condition.get("Value"));
            }
        }
    }

    /** Expected joined by ConditionalOperator (AND when absent); null when there is no Expected. */
    public static ConditionExpression expected(JsonNode expected, JsonNode conditionalOperator) {
        if (expected == null || expected.isEmpty()) return null;
        List<Condition> conditions = new ArrayList<>();
        Set<String> attributes = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode condition = entry.getValue();
            Path path = Path.of(entry.getKey());
            attributes.add(entry.getKey());
            if (condition.has("ComparisonOperator")) {
                conditions.add(convert(path, condition.get("ComparisonOperator").textValue(), values(condition)));
            } else if (condition.has("Value")) {
                conditions.add(new Comparison("=", path, new Literal(AttrValueJson.read(condition.get("Value")))));
            } else {
                conditions.add(function("attribute_not_exists", path));
            }
        }
        return new ConditionExpression(join(conditions, conditionalOperator), attributes, Set.of());
    }

    // ---------------------------------------------------------------- QueryFilter, ScanFilter, KeyConditions

    /** DynamoDB's checks of a map of ComparisonOperator/AttributeValueList conditions; throws ValidationException. */
    public static void checkConditions(JsonNode conditions) {
        if (conditions == null) return;
        for (JsonNode condition : conditions) {
            String operator = condition.get("ComparisonOperator").textValue();
            List<AttrValue> values = values(condition);
            checkCount(operator, values.size());
            checkSameType(values);
            List<String> allowed = switch (operator) {
                case "EQ", "NE" -> List.of("S", "N", "B", "SS", "NS", "BS");
                case "BEGINS_WITH" -> List.of("S", "B");
                case "LE", "LT", "GE", "GT", "CONTAINS", "NOT_CONTAINS", "IN", "BETWEEN" -> List.of("S", "N", "B");
                default -> null;
            };
            if (allowed != null) {
                for (AttrValue value : values) {
                    if (!allowed.contains(value.type())) {
                        throw Errors.validation(INVALID + "ComparisonOperator " + operator + " is not valid for "
                                + value.type() + " AttributeValue type");
                    }
                }
            }
            checkBetween(operator, values);
        }
    }

    /** A filter map joined by ConditionalOperator (AND when absent); null when there are no conditions. */
    public static ConditionExpression filter(JsonNode conditions, JsonNode conditionalOperator) {
        if (conditions == null || conditions.isEmpty()) return null;
        List<Condition> converted = new ArrayList<>();
        Set<String> attributes = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = conditions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            attributes.add(entry.getKey());
            converted.add(convert(Path.of(entry.getKey()), entry.getValue().get("ComparisonOperator").textValue(),
                    values(entry.getValue())));
        }
        return new ConditionExpression(join(converted, conditionalOperator), attributes, Set.of());
    }

    // ---------------------------------------------------------------- shared

    private static List<AttrValue> values(JsonNode condition) {
        List<AttrValue> values = new ArrayList<>();
        JsonNode list = condition.get("AttributeValueList");
        if (list != null) for (JsonNode value : list) values.add(AttrValueJson.read(value));
        else if (condition.has("Value")) values.add(AttrValueJson.read(condition.get("Value")));
        return values;
    }

    private static void checkCount(String operator, int count) {
        boolean valid = switch (operator) {
            case "NULL", "NOT_NULL" -> count == 0;
            case "IN" -> count > 0;
            case "BETWEEN" -> count == 2;
            default -> count == 1;
        };
        if (!valid) throw Errors.validation(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
    }

    private static void checkSameType(List<AttrValue> values) {
        for (AttrValue value : values) {
            if (!value.type().equals(values.get(0).type())) {
                throw Errors.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
            }
        }
    }

    private static void checkBetween(String operator, List<AttrValue> values) {
        if (operator.equals("BETWEEN") && Evaluator.compare(">", values.get(0), values.get(1))) {
            throw Errors.validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    private static Condition convert(Path path, String operator, List<AttrValue> values) {
        List<Operand> literals = new ArrayList<>();
        for (AttrValue value : values) literals.add(new Literal(value));
        return switch (operator) {
            case "EQ" -> new Comparison("=", path, literals.get(0));
            case "NE" -> new Comparison("<>", path, literals.get(0));
            case "LT" -> new Comparison("<", path, literals.get(0));
            case "LE" -> new Comparison("<=", path, literals.get(0));
            case "GT" -> new Comparison(">", path, literals.get(0));
            case "GE" -> new Comparison(">=", path, literals.get(0));
            case "NULL" -> function("attribute_not_exists", path);
            case "NOT_NULL" -> function("attribute_exists", path);
            case "CONTAINS" -> function("contains", path, literals.get(0));
            case "NOT_CONTAINS" -> new Not(function("contains", path, literals.get(0)));
            case "BEGINS_WITH" -> function("begins_with", path, literals.get(0));
            case "IN" -> new In(path, literals);
            case "BETWEEN" -> new Between(path, literals.get(0), literals.get(1));
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static Condition function(String name, Operand... args) {
        return new FunctionCondition(new Call(name, List.of(args)));
    }

    private static Condition join(List<Condition> conditions, JsonNode conditionalOperator) {
        boolean or = conditionalOperator != null && "OR".equals(conditionalOperator.textValue());
        Condition result = conditions.get(conditions.size() - 1);
        for (int i = conditions.size() - 2; i >= 0; i--) {
            result = or ? new Or(conditions.get(i), result) : new And(conditions.get(i), result);
        }
        return result;
    }
}
