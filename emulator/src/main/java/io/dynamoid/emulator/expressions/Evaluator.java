package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.expressions.Ast.And;
import io.dynamoid.emulator.expressions.Ast.Between;
import io.dynamoid.emulator.expressions.Ast.Call;
import io.dynamoid.emulator.expressions.Ast.Comparison;
import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.expressions.Ast.FunctionCondition;
import io.dynamoid.emulator.expressions.Ast.In;
import io.dynamoid.emulator.expressions.Ast.Index;
import io.dynamoid.emulator.expressions.Ast.Literal;
import io.dynamoid.emulator.expressions.Ast.Name;
import io.dynamoid.emulator.expressions.Ast.Not;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Or;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.expressions.Ast.PathElement;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.KeyOrder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Evaluates bound conditions against an item, with DynamoDB's semantics: a comparison between different
 * types, or with a missing attribute, is false (not an error); {@code <>} is its negation; ordering exists
 * for S (UTF-8 bytes), N and B only.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Whether {@code item} (null or empty when there is no item) satisfies {@code condition}. */
    public static boolean matches(Condition condition, Map<String, AttrValue> item) {
        if (item == null) item = Map.of();
        if (condition instanceof And and) return matches(and.left(), item) && matches(and.right(), item);
        if (condition instanceof Or or) return matches(or.left(), item) || matches(or.right(), item);
        if (condition instanceof Not not) return !matches(not.condition(), item);
        if (condition instanceof Comparison c) {
            return compare(c.operator(), resolve(c.left(), item), resolve(c.right(), item));
        }
        if (condition instanceof Between b) {
            AttrValue x = resolve(b.operand(), item);
            return compare(">=", x, resolve(b.lower(), item)) && compare("<=", x, resolve(b.upper(), item));
        }
        if (condition instanceof In in) {
            AttrValue x = resolve(in.operand(), item);
            for (Operand candidate : in.candidates()) {
                if (compare("=", x, resolve(candidate, item))) return true;
            }
            return false;
        }
        return function(((FunctionCondition) condition).call(), item);
    }

    private static boolean function(Call call, Map<String, AttrValue> item) {
        List<Operand> args = call.args();
        AttrValue first = resolve(args.get(0), item);
        switch (call.name()) {
            case "attribute_exists" -> {
                return first != null;
            }
            case "attribute_not_exists" -> {
                return first == null;
            }
            case "attribute_type" -> {
                AttrValue type = resolve(args.get(1), item);
                return first != null && type instanceof AttrValue.S s && first.type().equals(s.value());
            }
            case "begins_with" -> {
                return beginsWith(first, resolve(args.get(1), item));
            }
            case "contains" -> {
                return contains(first, resolve(args.get(1), item));
            }
            default -> throw new IllegalStateException("not a condition function: " + call.name());
        }
    }

    /** The value of an operand in {@code item}: a path's value, a literal, or size(...); null when absent. */
    public static AttrValue resolve(Operand operand, Map<String, AttrValue> item) {
        if (operand instanceof Literal literal) return literal.value();
        if (operand instanceof Path path) return get(path, item);
        if (operand instanceof Call call && call.name().equals("size")) return size(resolve(call.args().get(0), item));
        throw new IllegalStateException("cannot evaluate " + operand);
    }

    /** The value at {@code path} in {@code item}, or null when any step is missing or of the wrong type. */
    public static AttrValue get(Path path, Map<String, AttrValue> item) {
        List<PathElement> elements = path.elements();
        AttrValue current = item.get(((Name) elements.get(0)).name());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = child(current, elements.get(i));
        }
        return current;
    }

    static AttrValue child(AttrValue parent, PathElement element) {
        if (element instanceof Index index) {
            if (!(parent instanceof AttrValue.L list)) return null;
            return index.index() < list.values().size() ? list.values().get(index.index()) : null;
        }
        if (!(parent instanceof AttrValue.M map)) return null;
        return map.values().get(((Name) element).name());
    }

    private static AttrValue size(AttrValue value) {
        int size;
        if (value instanceof AttrValue.S s) size = ItemSize.utf8Length(s.value());
        else if (value instanceof AttrValue.B b) size = b.value().length();
        else if (value instanceof AttrValue.SS ss) size = ss.values().size();
        else if (value instanceof AttrValue.NS ns) size = ns.values().size();
        else if (value instanceof AttrValue.BS bs) size = bs.values().size();
        else if (value instanceof AttrValue.L l) size = l.values().size();
        else if (value instanceof AttrValue.M m) size = m.values().size();
        else return null;
        return new AttrValue.N(BigDecimal.valueOf(size));
    }

    /** A comparison operator (=, <>, <, <=, >, >=) applied to two values, either possibly absent. */
    public static boolean compare(String operator, AttrValue a, AttrValue b) {
        boolean sameType = a != null && b != null && a.type().equals(b.type());
        switch (operator) {
            case "=" -> {
                return sameType && a.equals(b);
            }
            case "<>" -> {
                return !(sameType && a.equals(b));
            }
            default -> {
                if (!sameType || !isScalar(a)) return false;
                int c = compare(a, b);
                return switch (operator) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    default -> throw new IllegalArgumentException(operator);
                };
            }
        }
    }

    /** DynamoDB's order of two scalars (S, N or B) of one type. */
    static int compare(AttrValue a, AttrValue b) {
        return KeyOrder.INSTANCE.compare(a, b);
    }

    private static boolean isScalar(AttrValue value) {
        return value instanceof AttrValue.S || value instanceof AttrValue.N || value instanceof AttrValue.B;
    }

    static boolean beginsWith(AttrValue value, AttrValue prefix) {
        if (value instanceof AttrValue.S s && prefix instanceof AttrValue.S p) return s.value().startsWith(p.value());
        if (value instanceof AttrValue.B b && prefix instanceof AttrValue.B p) return b.value().startsWith(p.value());
        return false;
    }

    /** contains(a, b): substring of a string, subsequence of a binary, member of a set, element of a list. */
    static boolean contains(AttrValue value, AttrValue operand) {
        if (value == null || operand == null) return false;
        if (value instanceof AttrValue.S s) return operand instanceof AttrValue.S o && s.value().contains(o.value());
        if (value instanceof AttrValue.B b) return operand instanceof AttrValue.B o && b.value().contains(o.value());
        if (value instanceof AttrValue.SS ss) return operand instanceof AttrValue.S o && ss.values().contains(o.value());
        if (value instanceof AttrValue.NS ns) return operand instanceof AttrValue.N o && ns.values().contains(o.value());
        if (value instanceof AttrValue.BS bs) return operand instanceof AttrValue.B o && bs.values().contains(o.value());
        if (value instanceof AttrValue.L l) return l.values().contains(operand);
        return false;
    }
}
