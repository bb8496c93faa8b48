package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.expressions.Ast.Action;
import io.dynamoid.emulator.expressions.Ast.ActionType;
import io.dynamoid.emulator.expressions.Ast.And;
import io.dynamoid.emulator.expressions.Ast.Arithmetic;
import io.dynamoid.emulator.expressions.Ast.Between;
import io.dynamoid.emulator.expressions.Ast.Call;
import io.dynamoid.emulator.expressions.Ast.Comparison;
import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.expressions.Ast.FunctionCondition;
import io.dynamoid.emulator.expressions.Ast.In;
import io.dynamoid.emulator.expressions.Ast.Index;
import io.dynamoid.emulator.expressions.Ast.Literal;
import io.dynamoid.emulator.expressions.Ast.Name;
import io.dynamoid.emulator.expressions.Ast.NameRef;
import io.dynamoid.emulator.expressions.Ast.Not;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Or;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.expressions.Ast.PathElement;
import io.dynamoid.emulator.expressions.Ast.ValueRef;
import io.dynamoid.emulator.protocol.AttrValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a parsed expression's placeholders against one request and runs DynamoDB's semantic checks
 * (reserved words, functions and their operands, overlapping paths...). Like DynamoDB (and dynalite's
 * grammar actions it follows), it notes the first problem of each kind while walking the tree in evaluation
 * order, then reports the kind that DynamoDB ranks first.
 */
final class Binder {
    /** DynamoDB's limits on one expression (Developer Guide, "Expression parameters" quotas). */
    private static final int MAX_OPERATORS = 300;
    private static final int MAX_IN_OPERANDS = 100;
    private static final List<String> ATTRIBUTE_TYPES = List.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

    /** An operand after binding, with the type DynamoDB can tell before evaluation (null when unknown). */
    private record Typed(Operand operand, String type) {
    }

    private final Placeholders placeholders;
    private final Map<String, String> problems = new HashMap<>();
    private final List<Path> updatedPaths = new ArrayList<>();
    private final Set<String> pathHeads = new LinkedHashSet<>();
    private final Set<String> nestedPathHeads = new LinkedHashSet<>();
    private final boolean update;
    private int operators;

    private Binder(Placeholders placeholders, boolean update) {
        this.placeholders = placeholders;
        this.update = update;
    }

    /** The bound condition and the attributes its paths start with. */
    record BoundCondition(Condition condition, Set<String> pathHeads, Set<String> nestedPathHeads) {
    }

    record BoundUpdate(List<Action> actions, Set<String> nestedPathHeads) {
    }

    // ---------------------------------------------------------------- conditions

    static BoundCondition bindCondition(Parser.ParsedCondition parsed, Placeholders placeholders) {
        Binder binder = new Binder(placeholders, false);
        if (parsed.redundantParentheses()) binder.note("parens", "The expression has redundant parentheses;");
        Condition bound = binder.condition(parsed.condition());
        binder.misusedSize(bound);
        if (binder.operators > MAX_OPERATORS) {
            binder.note("operators", "The expression contains too many operators; operator count: " + binder.operators);
        }
        binder.raise("parens", "unknownFunction", "misusedFunction", "reserved", "condition", "inOperands", "operators");
        return new BoundCondition(bound, Set.copyOf(binder.pathHeads), Set.copyOf(binder.nestedPathHeads));
    }

    private Condition condition(Condition c) {
        if (!(c instanceof FunctionCondition)) operators++; // a function counts once, as a call
        if (c instanceof And and) {
            Condition left = condition(and.left()), right = condition(and.right());
            misusedSize(left);
            misusedSize(right);
            return new And(left, right);
        }
        if (c instanceof Or or) {
            Condition left = condition(or.left()), right = condition(or.right());
            misusedSize(left);
            misusedSize(right);
            return new Or(left, right);
        }
        if (c instanceof Not not) {
            Condition inner = condition(not.condition());
            misusedSize(inner);
            return new Not(inner);
        }
        Condition bound;
        if (c instanceof Comparison comparison) {
            Typed left = operand(comparison.left()), right = operand(comparison.right());
            misusedFunction(List.of(left, right));
            distinct(comparison.operator(), List.of(left, right));
            bound = new Comparison(comparison.operator(), left.operand(), right.operand());
        } else if (c instanceof Between between) {
            Typed x = operand(between.operand()), lower = operand(between.lower()), upper = operand(between.upper());
            misusedFunction(List.of(x, lower, upper));
            betweenBounds(lower, upper);
            bound = new Between(x.operand(), lower.operand(), upper.operand());
        } else if (c instanceof In in) {
            List<Typed> all = new ArrayList<>();
            all.add(operand(in.operand()));
            for (Operand candidate : in.candidates()) all.add(operand(candidate));
            misusedFunction(all);
            List<Operand> candidates = new ArrayList<>();
            for (Typed t : all.subList(1, all.size())) candidates.add(t.operand());
            if (candidates.size() > MAX_IN_OPERANDS) {
                note("inOperands", "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            bound = new In(all.get(0).operand(), candidates);
        } else {
            Typed call = operand(((FunctionCondition) c).call());
            bound = new FunctionCondition((Call) call.operand());
        }
        conditionProblems();
        return bound;
    }

    /** Each simple condition reports its first name/operand/function problem as the "condition" problem. */
    private void conditionProblems() {
        if (problems.containsKey("condition")) return;
        for (String kind : List.of("attrNameVal", "operand", "distinct", "function")) {
            if (problems.containsKey(kind)) {
                problems.put("condition", problems.get(kind));
                return;
            }
        }
    }

    private void misusedSize(Condition c) {
        if (c instanceof FunctionCondition f && f.call().name().equals("size")) {
            note("misusedFunction", "The function is not allowed to be used this way in an expression; function: size");
        }
    }

    private void misusedFunction(List<Typed> args) {
        if (problems.containsKey("misusedFunction")) return;
        for (Typed arg : args) {
            if (arg.operand() instanceof Call call && !call.name().equals("size")) {
                note("misusedFunction", "The function is not allowed to be used this way in an expression; function: " + call.name());
                return;
            }
        }
    }

    private void distinct(String operator, List<Typed> args) {
        if (problems.containsKey("distinct") || args.size() != 2) return;
        if (args.get(0).operand() instanceof Path first && first.equals(args.get(1).operand())) {
            note("distinct", "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                    + operator + ", first operand: " + first);
        }
    }

    private void betweenBounds(Typed lower, Typed upper) {
        if (problems.containsKey("function")) return;
        if (!(lower.operand() instanceof Literal low) || !(upper.operand() instanceof Literal high)) return;
        String bounds = "lower bound operand: AttributeValue: {" + low.value().type() + ":" + valueText(low.value())
                + "}, upper bound operand: AttributeValue: {" + high.value().type() + ":" + valueText(high.value()) + "}";
        if (!low.value().type().equals(high.value().type())) {
            note("function", "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (Evaluator.compare(low.value(), high.value()) > 0) {
            note("function", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    private static String valueText(AttrValue value) {
        if (value instanceof AttrValue.S s) return s.value();
        if (value instanceof AttrValue.N n) return n.text();
        if (value instanceof AttrValue.B b) return b.value().toBase64();
        return value.toString();
    }

    private String conditionFunction(String name, List<Typed> args) {
        if (problems.containsKey("unknownFunction")) return null;
        Integer operands = switch (name) {
            case "attribute_exists", "attribute_not_exists", "size" -> 1;
            case "attribute_type", "begins_with", "contains" -> 2;
            default -> null;
        };
        if (operands == null) {
            note("unknownFunction", "Invalid function name; function: " + name);
            return null;
        }
        if (problems.containsKey("operand")) return null;
        if (operands != args.size()) {
            note("operand", "Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + args.size());
            return null;
        }
        distinct(name, args);
        if (problems.containsKey("function")) return null;
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(args.get(0).operand() instanceof Path)) requiresPath(name);
                return null;
            }
            case "begins_with" -> {
                for (Typed arg : args) {
                    if (arg.type() != null && !arg.type().equals("S") && !arg.type().equals("B")) {
                        return incorrectOperandType(name, arg.type());
                    }
                }
                return "BOOL";
            }
            case "attribute_type" -> {
                String type = args.get(1).type();
                if (!"S".equals(type)) {
                    return incorrectOperandType(name, type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
                }
                String typeName = ((AttrValue.S) ((Literal) args.get(1).operand()).value()).value();
                if (!ATTRIBUTE_TYPES.contains(typeName)) {
                    note("function", "Invalid attribute type name found; type: " + typeName
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                    return null;
                }
                return "BOOL";
            }
            case "size" -> {
                String type = args.get(0).type();
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) return incorrectOperandType(name, type);
                return "N";
            }
            default -> {
                return "BOOL";
            }
        }
    }

    private String incorrectOperandType(String function, String type) {
        note("function", "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type);
        return null;
    }

    private void requiresPath(String function) {
        note("function", "Operator or function requires a document path; operator or function: " + function);
    }

    // ---------------------------------------------------------------- operands and paths

    private Typed operand(Operand o) {
        if (o instanceof Path path) return new Typed(path(path), null);
        if (o instanceof ValueRef ref) {
            AttrValue value = value(ref.placeholder());
            return value == null ? new Typed(ref, null) : new Typed(new Literal(value), value.type());
        }
        if (o instanceof Literal literal) return new Typed(literal, literal.value().type());
        if (o instanceof Call call) {
            operators++;
            List<Typed> args = new ArrayList<>();
            for (Operand arg : call.args()) args.add(operand(arg));
            List<Operand> bound = new ArrayList<>();
            for (Typed arg : args) bound.add(arg.operand());
            String type;
            if (update) {
                type = updateFunction(call.name(), args);
            } else {
                misusedFunction(args);
                type = conditionFunction(call.name(), args);
            }
            return new Typed(new Call(call.name(), bound), type);
        }
        Arithmetic arithmetic = (Arithmetic) o;
        Typed left = operand(arithmetic.left()), right = operand(arithmetic.right());
        String type = updateFunction(String.valueOf(arithmetic.operator()), List.of(left, right));
        return new Typed(new Arithmetic(arithmetic.operator(), left.operand(), right.operand()), type);
    }

    private Path path(Path path) {
        List<PathElement> elements = new ArrayList<>(path.elements().size());
        for (PathElement element : path.elements()) {
            if (element instanceof Name name) {
                if (ReservedWords.isReserved(name.name())) {
                    note("reserved", "Attribute name is a reserved keyword; reserved keyword: " + name.name());
                }
                elements.add(name);
            } else if (element instanceof NameRef ref) {
                String name = name(ref.placeholder());
                elements.add(name == null ? new Name(ref.placeholder()) : new Name(name));
            } else {
                elements.add(element);
            }
        }
        Path bound = new Path(elements);
        pathHeads.add(bound.head());
        if (bound.isNested()) nestedPathHeads.add(bound.head());
        return bound;
    }

    private String name(String placeholder) {
        String kind = update ? "attrName" : "attrNameVal";
        if (problems.containsKey(kind)) return null;
        String name = placeholders.name(placeholder);
        if (name == null) {
            note(kind, "An expression attribute name used in the document path is not defined; attribute name: " + placeholder);
        }
        return name;
    }

    private AttrValue value(String placeholder) {
        String kind = update ? "attrVal" : "attrNameVal";
        if (problems.containsKey(kind)) return null;
        AttrValue value = placeholders.value(placeholder);
        if (value == null) {
            note(kind, "An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        return value;
    }

    // ---------------------------------------------------------------- updates

    static BoundUpdate bindUpdate(Parser.ParsedUpdate parsed, Placeholders placeholders) {
        Binder binder = new Binder(placeholders, true);
        if (parsed.repeatedSection() != null) {
            binder.note("section", "The \"" + parsed.repeatedSection() + "\" section can only be used once in an update expression;");
        }
        List<Action> actions = new ArrayList<>();
        for (Action action : parsed.actions()) {
            Path path = binder.path(action.path());
            Operand value = null;
            if (action.type() == ActionType.SET) {
                value = binder.operand(action.value()).operand();
            } else if (action.type() != ActionType.REMOVE) {
                Typed typed = binder.operand(action.value());
                value = typed.operand();
                binder.operatorOperand(action.type().name(), typed);
            }
            binder.checkPath(path);
            actions.add(new Action(action.type(), path, value));
        }
        binder.raise("reserved", "unknownFunction", "section", "attrName", "attrVal", "pathOverlap", "pathConflict",
                "operand", "function");
        return new BoundUpdate(List.copyOf(actions), Set.copyOf(binder.nestedPathHeads));
    }

    private void operatorOperand(String operator, Typed value) {
        if (problems.containsKey("operand") || value.type() == null) return;
        String typeName = switch (value.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "NULL" -> "NULL";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> null;
        };
        if (typeName != null && !(operator.equals("ADD") && typeName.equals("NUMBER"))) {
            note("operand", "Incorrect operand type for operator or function; operator: " + operator + ", operand type: " + typeName);
        }
    }

    private String updateFunction(String name, List<Typed> args) {
        if (problems.containsKey("unknownFunction")) return null;
        Integer operands = switch (name) {
            case "if_not_exists", "list_append", "+", "-" -> 2;
            default -> null;
        };
        if (operands == null) {
            note("unknownFunction", "Invalid function name; function: " + name);
            return null;
        }
        if (problems.containsKey("function")) return null;
        if (operands != args.size()) {
            note("function", "Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + args.size());
            return null;
        }
        switch (name) {
            case "if_not_exists" -> {
                if (!(args.get(0).operand() instanceof Path)) {
                    requiresPath(name);
                    return null;
                }
                return args.get(1).type();
            }
            case "list_append" -> {
                return immediateTypes(name, args, "L");
            }
            default -> {
                return immediateTypes(name, args, "N");
            }
        }
    }

    /** Checks the literal operands of list_append, + and - (function results are checked when evaluated). */
    private String immediateTypes(String function, List<Typed> args, String required) {
        for (Typed arg : args) {
            if (arg.operand() instanceof Literal literal && !literal.value().type().equals(required)) {
                return incorrectOperandType(function, literal.value().type());
            }
        }
        return required;
    }

    /** DynamoDB refuses two update (or projection) paths where one is a prefix of the other, or that mix [n] and .name. */
    private void checkPath(Path path) {
        if (problems.containsKey("pathOverlap")) return;
        for (Path earlier : updatedPaths) {
            List<PathElement> a = earlier.elements(), b = path.elements();
            boolean differ = false;
            for (int i = 0; i < a.size() && i < b.size(); i++) {
                if ((a.get(i) instanceof Index) != (b.get(i) instanceof Index)) {
                    problems.put("pathConflict", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                            + earlier + ", path two: " + path);
                    differ = true;
                    break;
                }
                if (!a.get(i).equals(b.get(i))) {
                    differ = true;
                    break;
                }
            }
            if (!differ) {
                note("pathOverlap", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                        + earlier + ", path two: " + path);
                return;
            }
        }
        updatedPaths.add(path);
    }

    // ---------------------------------------------------------------- projections

    static List<Path> bindProjection(List<Path> parsed, Placeholders placeholders) {
        Binder binder = new Binder(placeholders, false);
        List<Path> bound = new ArrayList<>();
        for (Path path : parsed) bound.add(binder.path(path));
        for (Path path : bound) binder.checkPath(path);
        binder.raise("reserved", "attrNameVal", "pathOverlap", "pathConflict");
        return List.copyOf(bound);
    }

    // ---------------------------------------------------------------- problems

    private void note(String kind, String message) {
        problems.putIfAbsent(kind, message);
    }

    private void raise(String... order) {
        for (String kind : order) {
            String message = problems.get(kind);
            if (message != null) throw new ExpressionException(message);
        }
    }
}
