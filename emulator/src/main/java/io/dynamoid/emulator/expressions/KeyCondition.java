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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key condition of a Query, in the shape of the legacy KeyConditions entry it is equivalent to:
 * attribute, ComparisonOperator (EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH) and its values.
 */
public record KeyCondition(String attribute, String operator, List<AttrValue> values) {
    public KeyCondition {
        values = List.copyOf(values);
    }

    /** Whether a key value satisfies this condition (false when absent or of another type). */
    public boolean matches(AttrValue value) {
        return switch (operator) {
            case "EQ" -> Evaluator.compare("=", value, values.get(0));
            case "LT" -> Evaluator.compare("<", value, values.get(0));
            case "LE" -> Evaluator.compare("<=", value, values.get(0));
            case "GT" -> Evaluator.compare(">", value, values.get(0));
            case "GE" -> Evaluator.compare(">=", value, values.get(0));
            case "BETWEEN" -> Evaluator.compare(">=", value, values.get(0)) && Evaluator.compare("<=", value, values.get(1));
            case "BEGINS_WITH" -> Evaluator.beginsWith(value, values.get(0));
            default -> throw new IllegalStateException(operator);
        };
    }

    /**
     * The legacy KeyConditions parameter (attribute → ComparisonOperator + AttributeValueList), already checked
     * with {@link LegacyConditions#checkConditions}, as key conditions in the order given.
     */
    public static Map<String, KeyCondition> fromLegacy(JsonNode keyConditions) {
        Map<String, KeyCondition> conditions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = keyConditions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<AttrValue> values = new ArrayList<>();
            JsonNode list = entry.getValue().get("AttributeValueList");
            if (list != null) for (JsonNode value : list) values.add(AttrValueJson.read(value));
            conditions.put(entry.getKey(), new KeyCondition(entry.getKey(), entry.getValue().get("ComparisonOperator").textValue(), values));
        }
        return conditions;
    }

    /**
     * Converts a bound KeyConditionExpression into one condition per key attribute (in the order written),
     * refusing what DynamoDB refuses with its messages (ValidationException, no "Invalid ..." prefix).
     */
    public static Map<String, KeyCondition> fromExpression(ConditionExpression expression) {
        Map<String, KeyCondition> conditions = new LinkedHashMap<>();
        String problem = convert(expression.ast(), conditions);
        if (problem != null) throw Errors.validation(problem);
        return conditions;
    }

    private static String convert(Condition c, Map<String, KeyCondition> conditions) {
        if (c instanceof Or) return "Invalid operator used in KeyConditionExpression: OR";
        if (c instanceof Not) return "Invalid operator used in KeyConditionExpression: NOT";
        if (c instanceof In) return "Invalid operator used in KeyConditionExpression: IN";
        if (c instanceof Comparison comparison && comparison.operator().equals("<>")) {
            return "Invalid operator used in KeyConditionExpression: <>";
        }
        if (c instanceof And and) {
            String problem = convert(and.left(), conditions);
            return problem != null ? problem : convert(and.right(), conditions);
        }
        String operator;
        List<Operand> args;
        if (c instanceof FunctionCondition f) {
            String name = f.call().name();
            if (!name.equals("begins_with")) {
                return name.equals("size") ? "KeyConditionExpressions cannot contain nested operations"
                        : "Invalid operator used in KeyConditionExpression: " + name;
            }
            if (!(f.call().args().get(0) instanceof Path)) {
                return "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand";
            }
            operator = "BEGINS_WITH";
            args = f.call().args();
        } else if (c instanceof Between between) {
            if (!(between.operand() instanceof Path)) {
                return "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand";
            }
            operator = "BETWEEN";
            args = List.of(between.operand(), between.lower(), between.upper());
        } else {
            Comparison comparison = (Comparison) c;
            operator = comparison.operator();
            args = List.of(comparison.left(), comparison.right());
        }
        String attribute = null;
        int attributeIndex = 0;
        for (int i = 0; i < args.size(); i++) {
            Operand arg = args.get(i);
            if (arg instanceof Path path) {
                if (attribute != null) return "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition";
                if (path.isNested()) return "KeyConditionExpressions cannot have conditions on nested attributes";
                attribute = path.head();
                attributeIndex = i;
            } else if (arg instanceof Call call && call.name().equals("size")) {
                return "KeyConditionExpressions cannot contain nested operations";
            }
        }
        if (attribute == null) return "Invalid condition in KeyConditionExpression: No key attribute specified";
        if (conditions.containsKey(attribute)) return "KeyConditionExpressions must only contain one condition per key";
        if (attributeIndex != 0) operator = mirrored(operator); // ":v < k" is "k > :v"
        List<AttrValue> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (i != attributeIndex) values.add(((Literal) args.get(i)).value());
        }
        conditions.put(attribute, new KeyCondition(attribute, legacyName(operator), values));
        return null;
    }

    private static String mirrored(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    private static String legacyName(String operator) {
        return switch (operator) {
            case "=" -> "EQ";
            case "<" -> "LT";
            case "<=" -> "LE";
            case ">" -> "GT";
            case ">=" -> "GE";
            default -> operator;
        };
    }
}
