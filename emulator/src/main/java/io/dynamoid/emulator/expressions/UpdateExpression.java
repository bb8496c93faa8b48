package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.expressions.Ast.Action;
import io.dynamoid.emulator.expressions.Ast.ActionType;
import io.dynamoid.emulator.expressions.Ast.Arithmetic;
import io.dynamoid.emulator.expressions.Ast.Call;
import io.dynamoid.emulator.expressions.Ast.Index;
import io.dynamoid.emulator.expressions.Ast.Literal;
import io.dynamoid.emulator.expressions.Ast.Name;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.expressions.Ast.PathElement;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Bytes;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A bound UpdateExpression, ready to apply to an item. Application follows DynamoDB: every SET value is
 * computed from the item as it was before the update; SET, ADD and DELETE then apply in order; REMOVE
 * list indexes refer to the original list, so removals run last, highest index first. Nothing is changed
 * in place — the result is a new attribute map.
 */
public final class UpdateExpression {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    static final String INCORRECT_TYPE = "An operand in the update expression has an incorrect data type";
    static final String MISSING_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";

    /** Orders REMOVE paths so that later list elements go first and earlier indexes stay valid. */
    private static final Comparator<Path> REMOVAL_ORDER = (a, b) -> {
        List<PathElement> x = a.elements(), y = b.elements();
        for (int i = 0; i < x.size() && i < y.size(); i++) {
            PathElement p = x.get(i), q = y.get(i);
            if (p.equals(q)) continue;
            if (p instanceof Index i1 && q instanceof Index i2) return Integer.compare(i2.index(), i1.index());
            return p.toString().compareTo(q.toString());
        }
        return Integer.compare(y.size(), x.size());
    };

    private final List<Action> actions;
    private final Set<String> nestedPathHeads;

    UpdateExpression(List<Action> actions, Set<String> nestedPathHeads) {
        this.actions = actions;
        this.nestedPathHeads = nestedPathHeads;
    }

    public List<Action> actions() {
        return actions;
    }

    /** The paths the update writes, in order (what UPDATED_OLD / UPDATED_NEW return). */
    public List<Path> paths() {
        List<Path> paths = new ArrayList<>(actions.size());
        for (Action action : actions) paths.add(action.path());
        return paths;
    }

    /** Top-level attributes used with a nested path anywhere in the expression (key attributes must be scalars). */
    public Set<String> nestedPathHeads() {
        return nestedPathHeads;
    }

    /**
     * The type the first top-level action on {@code attribute} gives it when that can be told before reading
     * the item (a value placeholder, {@code +}/{@code -}, list_append), or null.
     */
    public String declaredType(String attribute) {
        for (Action action : actions) {
            if (action.path().elements().size() == 1 && action.path().head().equals(attribute)) {
                return action.value() == null ? null : declaredType(action.value());
            }
        }
        return null;
    }

    private static String declaredType(Operand value) {
        if (value instanceof Literal literal) return literal.value().type();
        if (value instanceof Arithmetic) return "N";
        if (value instanceof Call call) {
            if (call.name().equals("list_append")) return "L";
            if (call.name().equals("if_not_exists")) return declaredType(call.args().get(1));
        }
        return null;
    }

    /**
     * Applies the update to {@code item} (null when the item does not exist yet) and returns the new attributes.
     *
     * @param indexKeyTypes secondary index key attributes and their types; a top-level SET of another type is refused
     */
    public Map<String, AttrValue> apply(Map<String, AttrValue> item, Map<String, String> indexKeyTypes) {
        Map<String, AttrValue> original = item == null ? Map.of() : item;
        List<AttrValue> setValues = new ArrayList<>(actions.size());
        for (Action action : actions) {
            setValues.add(action.type() == ActionType.SET ? evaluate(action.value(), original) : null);
        }
        Map<String, AttrValue> result = new LinkedHashMap<>(original);
        List<Path> removals = new ArrayList<>();
        for (int i : listIndexOrder()) {
            Action action = actions.get(i);
            switch (action.type()) {
                case SET -> {
                    AttrValue value = setValues.get(i);
                    if (action.path().elements().size() == 1) {
                        String indexType = indexKeyTypes.get(action.path().head());
                        if (indexType != null && !indexType.equals(value.type())) {
                            throw Errors.validation("The update expression attempted to update the secondary index key to unsupported type");
                        }
                    }
                    modify(result, action.path(), existing -> value);
                }
                case ADD -> modify(result, action.path(), existing -> add(existing, ((Literal) action.value()).value()));
                case DELETE -> modify(result, action.path(), existing -> delete(existing, ((Literal) action.value()).value()));
                case REMOVE -> removals.add(action.path());
            }
        }
        removals.sort(REMOVAL_ORDER);
        for (Path path : removals) modify(result, path, existing -> null);
        return result;
    }

    /**
     * The order to apply actions in: as written, except that writes to elements of one list go by index, so
     * that several elements set past the end are appended in index order (as DynamoDB does).
     */
    private int[] listIndexOrder() {
        int[] order = new int[actions.size()];
        Map<List<PathElement>, List<Integer>> byList = new LinkedHashMap<>();
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            List<PathElement> elements = actions.get(i).path().elements();
            if (elements.get(elements.size() - 1) instanceof Index) {
                byList.computeIfAbsent(elements.subList(0, elements.size() - 1), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> positions : byList.values()) {
            List<Integer> sorted = new ArrayList<>(positions);
            sorted.sort(Comparator.comparingInt(i -> lastIndex(actions.get(i).path())));
            for (int k = 0; k < positions.size(); k++) order[positions.get(k)] = sorted.get(k);
        }
        return order;
    }

    private static int lastIndex(Path path) {
        return ((Index) path.elements().get(path.elements().size() - 1)).index();
    }

    // ---------------------------------------------------------------- SET values

    private static AttrValue evaluate(Operand operand, Map<String, AttrValue> item) {
        if (operand instanceof Literal literal) return literal.value();
        if (operand instanceof Path path) {
            AttrValue value = Evaluator.get(path, item);
            if (value == null) throw Errors.validation(MISSING_ATTRIBUTE);
            return value;
        }
        if (operand instanceof Arithmetic arithmetic) {
            BigDecimal left = number(evaluate(arithmetic.left(), item));
            BigDecimal right = number(evaluate(arithmetic.right(), item));
            return new AttrValue.N(Numbers.check(arithmetic.operator() == '+' ? left.add(right) : left.subtract(right)));
        }
        Call call = (Call) operand;
        if (call.name().equals("if_not_exists")) {
            AttrValue existing = Evaluator.get((Path) call.args().get(0), item);
            return existing != null ? existing : evaluate(call.args().get(1), item);
        }
        // list_append
        AttrValue first = evaluate(call.args().get(0), item);
        if (!(first instanceof AttrValue.L a)) throw Errors.validation(INCORRECT_TYPE);
        AttrValue second = evaluate(call.args().get(1), item);
        if (!(second instanceof AttrValue.L b)) throw Errors.validation(INCORRECT_TYPE);
        List<AttrValue> joined = new ArrayList<>(a.values());
        joined.addAll(b.values());
        return new AttrValue.L(joined);
    }

    private static BigDecimal number(AttrValue value) {
        if (!(value instanceof AttrValue.N n)) throw Errors.validation(INCORRECT_TYPE);
        return n.value();
    }

    // ---------------------------------------------------------------- ADD and DELETE

    public static AttrValue add(AttrValue existing, AttrValue operand) {
        if (existing == null) return operand;
        if (!existing.type().equals(operand.type())) throw Errors.validation(INCORRECT_TYPE);
        if (operand instanceof AttrValue.N n) {
            return new AttrValue.N(Numbers.check(((AttrValue.N) existing).value().add(n.value())));
        }
        if (operand instanceof AttrValue.SS ss) return new AttrValue.SS(union(((AttrValue.SS) existing).values(), ss.values()));
        if (operand instanceof AttrValue.NS ns) return new AttrValue.NS(union(((AttrValue.NS) existing).values(), ns.values()));
        return new AttrValue.BS(union(((AttrValue.BS) existing).values(), ((AttrValue.BS) operand).values()));
    }

    /** The set without the operand's members; null (the attribute goes away) when nothing is left. */
    public static AttrValue delete(AttrValue existing, AttrValue operand) {
        if (existing == null) return null;
        if (!existing.type().equals(operand.type())) throw Errors.validation(INCORRECT_TYPE);
        if (operand instanceof AttrValue.SS ss) {
            Set<String> left = difference(((AttrValue.SS) existing).values(), ss.values());
            return left.isEmpty() ? null : new AttrValue.SS(left);
        }
        if (operand instanceof AttrValue.NS ns) {
            Set<BigDecimal> left = difference(((AttrValue.NS) existing).values(), ns.values());
            return left.isEmpty() ? null : new AttrValue.NS(left);
        }
        Set<Bytes> left = difference(((AttrValue.BS) existing).values(), ((AttrValue.BS) operand).values());
        return left.isEmpty() ? null : new AttrValue.BS(left);
    }

    static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }

    // ---------------------------------------------------------------- writing at a path

    /**
     * Replaces the value at {@code path} with {@code change(existing)} (null removes it). The parent of the
     * last step must exist and be a map (for a name) or a list (for an index); an index past the end of a
     * list appends.
     */
    private static void modify(Map<String, AttrValue> item, Path path, UnaryOperator<AttrValue> change) {
        String head = path.head();
        if (!path.isNested()) {
            AttrValue value = change.apply(item.get(head));
            if (value == null) item.remove(head);
            else item.put(head, value);
            return;
        }
        AttrValue root = item.get(head);
        if (root == null) throw Errors.validation(INVALID_PATH);
        item.put(head, modify(root, path.elements(), 1, change));
    }

    private static AttrValue modify(AttrValue parent, List<PathElement> path, int at, UnaryOperator<AttrValue> change) {
        PathElement step = path.get(at);
        boolean last = at == path.size() - 1;
        if (step instanceof Index index) {
            if (!(parent instanceof AttrValue.L list)) throw Errors.validation(INVALID_PATH);
            List<AttrValue> values = new ArrayList<>(list.values());
            int i = index.index();
            AttrValue existing = i < values.size() ? values.get(i) : null;
            if (!last) {
                if (existing == null) throw Errors.validation(INVALID_PATH);
                values.set(i, modify(existing, path, at + 1, change));
            } else {
                AttrValue value = change.apply(existing);
                if (existing != null && value == null) values.remove(i);
                else if (existing != null) values.set(i, value);
                else if (value != null) values.add(value);
            }
            return new AttrValue.L(values);
        }
        if (!(parent instanceof AttrValue.M map)) throw Errors.validation(INVALID_PATH);
        String key = ((Name) step).name();
        Map<String, AttrValue> values = new LinkedHashMap<>(map.values());
        AttrValue existing = values.get(key);
        if (!last) {
            if (existing == null) throw Errors.validation(INVALID_PATH);
            values.put(key, modify(existing, path, at + 1, change));
        } else {
            AttrValue value = change.apply(existing);
            if (value == null) values.remove(key);
            else values.put(key, value);
        }
        return new AttrValue.M(values);
    }
}
