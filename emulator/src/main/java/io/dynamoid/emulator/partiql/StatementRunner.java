package io.dynamoid.emulator.partiql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dynamoid.emulator.expressions.Ast.And;
import io.dynamoid.emulator.expressions.Ast.Arithmetic;
import io.dynamoid.emulator.expressions.Ast.Call;
import io.dynamoid.emulator.expressions.Ast.Comparison;
import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.expressions.Ast.Index;
import io.dynamoid.emulator.expressions.Ast.Literal;
import io.dynamoid.emulator.expressions.Ast.Name;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.expressions.Ast.PathElement;
import io.dynamoid.emulator.expressions.Evaluator;
import io.dynamoid.emulator.expressions.Projection;
import io.dynamoid.emulator.expressions.UpdateExpression;
import io.dynamoid.emulator.operations.Items;
import io.dynamoid.emulator.operations.Keys;
import io.dynamoid.emulator.operations.RequestContext;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.Numbers;
import io.dynamoid.emulator.storage.IndexKey;
import io.dynamoid.emulator.storage.IndexStore;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.UnaryOperator;

/**
 * Runs parsed statements against the tables: SELECT as a Query when WHERE fixes the partition key with an
 * equality (a contiguous range of the table), otherwise as a Scan, filtered by WHERE; INSERT, UPDATE and
 * DELETE as single-item writes under the item's lock, WHERE beyond the key acting as their condition.
 */
public final class StatementRunner {
    /** A page of a SELECT reads at most 1 MB, like Query and Scan. */
    private static final long MAX_PAGE_BYTES = 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
    private static final String INCORRECT_TYPE = "An operand in the update expression has an incorrect data type";

    /** The items a statement answers and, for a SELECT stopped early, where to continue. */
    public record Result(List<Map<String, AttrValue>> items, String nextToken) {
    }

    private StatementRunner() {
    }

    /**
     * Runs {@code statement}; {@code limit} (or null) and {@code nextToken} (or null) page a SELECT. With
     * {@code returnOldOnFailure} (ReturnValuesOnConditionCheckFailure=ALL_OLD) a failed condition answers the
     * item it refused.
     */
    public static Result run(Statement statement, RequestContext context, Integer limit, String nextToken,
                             boolean returnOldOnFailure) {
        if (statement instanceof Statement.Select select) {
            return select(select, Items.activeTable(context, select.table()), limit, nextToken);
        }
        if (statement instanceof Statement.Exists) throw PartiqlErrors.existsOutsideTransaction();
        Write write = plan(statement, context);
        Item[] before = new Item[1];
        Item after = apply(returnOldOnFailure ? write.returningOldOnFailure() : write, before);
        Map<String, AttrValue> returned = returned(statement, before[0], after);
        return new Result(returned == null ? List.of() : List.of(returned), null);
    }

    /**
     * One write statement's change to one item: {@code change} turns the current item (or null) into the
     * new one (null: absent), or throws — ConditionalCheckFailed, DuplicateItem, ValidationException.
     */
    public record Write(Table table, ItemKey key, UnaryOperator<Item> change) {

        /** The same write, whose ConditionalCheckFailedException carries the item it refused. */
        public Write returningOldOnFailure() {
            return new Write(table, key, current -> {
                try {
                    return change.apply(current);
                } catch (DynamoException e) {
                    if (current != null && e.shortType().equals("ConditionalCheckFailedException")) {
                        throw e.withItem(current.attributes());
                    }
                    throw e;
                }
            });
        }
    }

    /** What a write statement (INSERT, UPDATE, DELETE) will do, checked as far as it can be without the item. */
    public static Write plan(Statement statement, RequestContext context) {
        Table table = Items.activeTable(context, statement.table());
        if (statement instanceof Statement.Insert insert) return insert(insert, table, context);
        if (statement instanceof Statement.Update update) return update(update, table, context);
        if (statement instanceof Statement.Delete delete) return delete(delete, table);
        if (statement instanceof Statement.Exists) throw PartiqlErrors.existsOutsideTransaction();
        throw new IllegalArgumentException("not a write: " + statement);
    }

    /**
     * {@link #plan} for a statement of ExecuteTransaction, where EXISTS is also allowed: a condition check
     * whose change answers the current item itself (nothing to write), or ConditionalCheckFailed when no
     * item matches.
     */
    public static Write planInTransaction(Statement statement, RequestContext context) {
        if (!(statement instanceof Statement.Exists exists)) return plan(statement, context);
        Statement.Select select = exists.select();
        if (select.index() != null) throw PartiqlErrors.missingKeyEquality();
        Table table = Items.activeTable(context, select.table());
        return new Write(table, keyOf(select, context), current -> {
            if (current == null || !Evaluator.matches(select.where(), current.attributes())) {
                throw Errors.conditionalCheckFailed(null);
            }
            return current;
        });
    }

    /** Applies one write under its item's lock; a delete of a missing item changes nothing. */
    public static void apply(Write write) {
        apply(write, new Item[1]);
    }

    /** {@link #apply(Write)}, answering the new item (or null) and putting the replaced one in {@code before[0]}. */
    private static Item apply(Write write, Item[] before) {
        Table table = write.table();
        return table.locked(write.key(), () -> {
            Item current = table.get(write.key());
            Item next = write.change().apply(current);
            before[0] = current;
            if (next != null || current != null) table.commit(write.key(), next);
            return next;
        });
    }

    /** What a RETURNING clause answers: the item (or its updated attributes) before or after; null without one. */
    private static Map<String, AttrValue> returned(Statement statement, Item before, Item after) {
        if (statement instanceof Statement.Delete delete) {
            return delete.returnOld() && before != null ? before.attributes() : null;
        }
        if (!(statement instanceof Statement.Update update) || update.returning() == null) return null;
        Item item = update.returning().newValues() ? after : before;
        if (item == null) return null;
        if (update.returning().all()) return item.attributes();
        Map<String, AttrValue> modified = new LinkedHashMap<>();
        for (Statement.Assignment assignment : update.assignments()) {
            AttrValue value = item.get(assignment.path().head());
            if (value != null) modified.put(assignment.path().head(), value);
        }
        return modified;
    }

    /**
     * A SELECT naming one item by its whole key (BatchExecuteStatement, ExecuteTransaction): the item,
     * projected, if it exists and satisfies WHERE; else null.
     */
    public static Map<String, AttrValue> readItem(Statement.Select select, RequestContext context) {
        Table table = Items.activeTable(context, select.table());
        if (select.index() != null || select.where() == null) throw PartiqlErrors.missingKeyEquality();
        Item item = table.get(keyOf(select.where(), table));
        if (item == null || !Evaluator.matches(select.where(), item.attributes())) return null;
        return select.projection() == null ? item.attributes() : Projection.of(select.projection()).apply(item.attributes());
    }

    /** The table and item a key-naming SELECT reads (for a transaction's locks). */
    public static ItemKey keyOf(Statement.Select select, RequestContext context) {
        if (select.where() == null) throw PartiqlErrors.missingKeyEquality();
        return keyOf(select.where(), Items.activeTable(context, select.table()));
    }

    // ---------------------------------------------------------------- SELECT

    private static Result select(Statement.Select select, Table table, Integer limit, String nextToken) {
        List<KeyElement> keySchema = select.index() == null ? table.definition().keySchema().elements()
                : index(select, table).definition().keySchema().elements();
        AttrValue partition = select.where() == null ? null : equalities(select.where()).get(keySchema.get(0).name());
        checkOrderBy(select.orderBy(), keySchema, partition);
        boolean descending = select.orderBy() != null && select.orderBy().descending();
        if (select.index() == null) {
            NavigableMap<ItemKey, Item> range = table.items();
            if (partition != null) range = range.subMap(ItemKey.partitionStart(partition), true, ItemKey.partitionEnd(partition), true);
            if (descending) range = range.descendingMap();
            if (nextToken != null) range = range.tailMap(table.keyOf(decodeToken(nextToken, table)), false);
            return page(range, select, table, limit);
        }
        IndexStore index = index(select, table);
        NavigableMap<IndexKey, Item> range = index.entries();
        if (partition != null) {
            range = range.subMap(IndexKey.partitionBound(partition, -1), true, IndexKey.partitionBound(partition, 1), true);
        }
        if (descending) range = range.descendingMap();
        if (nextToken != null) {
            Map<String, AttrValue> last = decodeToken(nextToken, table);
            IndexKey lastKey = index.keyOf(table.keyOf(last), last);
            if (lastKey == null) throw invalidToken();
            range = range.tailMap(lastKey, false);
        }
        return page(range, select, table, limit);
    }

    /**
     * ORDER BY reads one partition of the table or index in key order, so it names one of its keys and
     * needs an equality on the partition key; the partition's items come in sort key order already.
     */
    private static void checkOrderBy(Statement.OrderBy orderBy, List<KeyElement> keySchema, AttrValue partition) {
        if (orderBy == null) return;
        boolean key = keySchema.stream().anyMatch(element -> element.name().equals(orderBy.key()));
        if (!key || partition == null) throw PartiqlErrors.unsupportedOrderBy();
    }

    private static IndexStore index(Statement.Select select, Table table) {
        IndexStore index = table.definition().index(select.index()) == null ? null : table.indexes().find(select.index());
        if (index == null) throw Errors.validation("The table does not have the specified index: " + select.index());
        return index;
    }

    /**
     * One page of {@code range} (table items or index entries): at most Limit items evaluated and 1 MB read,
     * the matching ones projected; NextToken names the last one evaluated when the page stopped early.
     */
    private static <K> Result page(NavigableMap<K, Item> range, Statement.Select select, Table table, Integer limit) {
        Projection projection = select.projection() == null ? null : Projection.of(select.projection());
        List<Map<String, AttrValue>> items = new ArrayList<>();
        int evaluated = 0;
        long bytes = 0;
        Item last = null;
        boolean more = false;
        for (Item item : range.values()) {
            if ((limit != null && evaluated == limit) || bytes >= MAX_PAGE_BYTES) {
                more = true;
                break;
            }
            evaluated++;
            bytes += item.size();
            last = item;
            if (select.where() != null && !Evaluator.matches(select.where(), item.attributes())) continue;
            items.add(projection == null ? item.attributes() : projection.apply(item.attributes()));
        }
        return new Result(items, more ? encodeToken(last, table, select) : null);
    }

    /** NextToken: the key attributes (table's, and the index's when reading one) of the last item evaluated, as JSON, in base64. */
    private static String encodeToken(Item last, Table table, Statement.Select select) {
        Map<String, AttrValue> key = new LinkedHashMap<>();
        List<KeyElement> elements = new ArrayList<>(table.definition().keySchema().elements());
        if (select.index() != null) elements.addAll(index(select, table).definition().keySchema().elements());
        for (KeyElement element : elements) key.put(element.name(), last.get(element.name()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            AttrValueJson.writeItem(g, key);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static Map<String, AttrValue> decodeToken(String token, Table table) {
        try {
            Map<String, AttrValue> key = AttrValueJson.readItem(MAPPER.readTree(Base64.getDecoder().decode(token)));
            Keys.validateItem(key, table);
            return key;
        } catch (IOException | IllegalArgumentException | DynamoException e) {
            throw invalidToken();
        }
    }

    private static DynamoException invalidToken() {
        return Errors.validation("Invalid NextToken");
    }

    // ---------------------------------------------------------------- writes

    private static Write insert(Statement.Insert insert, Table table, RequestContext context) {
        ItemKey key = Keys.validateItem(insert.item(), table);
        Item item = Item.of(insert.item());
        Items.checkItemSize(item, context);
        return new Write(table, key, current -> {
            if (current != null) throw PartiqlErrors.duplicateItem();
            return item;
        });
    }

    private static Write update(Statement.Update update, Table table, RequestContext context) {
        ItemKey key = keyOf(update.where(), table);
        for (Statement.Assignment assignment : update.assignments()) {
            String head = assignment.path().head();
            if (head.equals(table.definition().hashKeyName()) || head.equals(table.definition().rangeKeyName())) {
                throw Errors.validation("Cannot update attribute " + head + ". This attribute is part of the key");
            }
        }
        return new Write(table, key, current -> {
            if (current == null || !Evaluator.matches(update.where(), current.attributes())) {
                throw Errors.conditionalCheckFailed(null);
            }
            Map<String, AttrValue> attributes = new LinkedHashMap<>(current.attributes());
            for (Statement.Assignment assignment : update.assignments()) {
                AttrValue value = assignment.value() == null ? null : evaluate(assignment.value(), current.attributes());
                assign(attributes, assignment.path().elements(), value);
            }
            Item updated = Item.of(attributes);
            Items.checkItemSize(updated, context);
            return updated;
        });
    }

    private static Write delete(Statement.Delete delete, Table table) {
        ItemKey key = keyOf(delete.where(), table);
        return new Write(table, key, current -> {
            // no item: success, nothing deleted; an item the condition refuses: ConditionalCheckFailed
            if (current != null && !Evaluator.matches(delete.where(), current.attributes())) {
                throw Errors.conditionalCheckFailed(null);
            }
            return null;
        });
    }

    /** The item a write's WHERE names: an equality on every key attribute, joined by AND at the top level. */
    private static ItemKey keyOf(Condition where, Table table) {
        Map<String, AttrValue> equalities = equalities(where);
        Map<String, AttrValue> key = new LinkedHashMap<>();
        for (KeyElement element : table.definition().keySchema().elements()) {
            AttrValue value = equalities.get(element.name());
            if (value == null) throw PartiqlErrors.missingKeyEquality();
            key.put(element.name(), value);
        }
        return Keys.validateKey(key, table);
    }

    /** attribute = literal conditions of the top-level AND chain, by attribute name. */
    private static Map<String, AttrValue> equalities(Condition condition) {
        Map<String, AttrValue> found = new LinkedHashMap<>();
        collectEqualities(condition, found);
        return found;
    }

    private static void collectEqualities(Condition condition, Map<String, AttrValue> found) {
        if (condition instanceof And and) {
            collectEqualities(and.left(), found);
            collectEqualities(and.right(), found);
        } else if (condition instanceof Comparison c && c.operator().equals("=")) {
            if (c.left() instanceof Path p && !p.isNested() && c.right() instanceof Literal l) found.put(p.head(), l.value());
            if (c.right() instanceof Path p && !p.isNested() && c.left() instanceof Literal l) found.put(p.head(), l.value());
        }
    }

    // ---------------------------------------------------------------- SET values

    private static AttrValue evaluate(Operand operand, Map<String, AttrValue> item) {
        if (operand instanceof Literal literal) return literal.value();
        if (operand instanceof Path path) {
            AttrValue value = Evaluator.get(path, item);
            if (value == null) throw Errors.validation("The provided expression refers to an attribute that does not exist in the item");
            return value;
        }
        if (operand instanceof Arithmetic arithmetic) {
            AttrValue left = evaluate(arithmetic.left(), item);
            AttrValue right = evaluate(arithmetic.right(), item);
            if (!(left instanceof AttrValue.N a) || !(right instanceof AttrValue.N b)) {
                throw Errors.validation(INCORRECT_TYPE);
            }
            return new AttrValue.N(Numbers.check(arithmetic.operator() == '+' ? a.value().add(b.value()) : a.value().subtract(b.value())));
        }
        Call call = (Call) operand;
        AttrValue first = evaluate(call.args().get(0), item);
        AttrValue second = evaluate(call.args().get(1), item);
        if (!call.name().equals("list_append")) return setFunction(call.name(), first, second);
        if (!(first instanceof AttrValue.L a) || !(second instanceof AttrValue.L b)) {
            throw Errors.validation(INCORRECT_TYPE);
        }
        List<AttrValue> joined = new ArrayList<>(a.values());
        joined.addAll(b.values());
        return new AttrValue.L(joined);
    }

    /**
     * set_add(set, set) and set_delete(set, set): both sets of one type, as UpdateExpression's ADD and
     * DELETE take them; a set_delete leaving nothing answers null, removing the attribute (no empty sets).
     */
    private static AttrValue setFunction(String function, AttrValue set, AttrValue members) {
        if (!isSet(set) || !set.type().equals(members.type())) throw Errors.validation(INCORRECT_TYPE);
        return function.equals("set_add") ? UpdateExpression.add(set, members) : UpdateExpression.delete(set, members);
    }

    private static boolean isSet(AttrValue value) {
        return value instanceof AttrValue.SS || value instanceof AttrValue.NS || value instanceof AttrValue.BS;
    }

    /** Sets (or, with null, removes) the value at {@code path} in {@code attributes}, copying what it changes. */
    private static void assign(Map<String, AttrValue> attributes, List<PathElement> path, AttrValue value) {
        String head = ((Name) path.get(0)).name();
        if (path.size() == 1) {
            if (value == null) attributes.remove(head);
            else attributes.put(head, value);
            return;
        }
        AttrValue child = attributes.get(head);
        if (child == null) throw invalidPath();
        attributes.put(head, assigned(child, path.subList(1, path.size()), value));
    }

    private static AttrValue assigned(AttrValue container, List<PathElement> path, AttrValue value) {
        PathElement step = path.get(0);
        boolean last = path.size() == 1;
        if (container instanceof AttrValue.M map && step instanceof Name name) {
            Map<String, AttrValue> copy = new LinkedHashMap<>(map.values());
            if (last) {
                if (value == null) copy.remove(name.name());
                else copy.put(name.name(), value);
            } else {
                AttrValue child = copy.get(name.name());
                if (child == null) throw invalidPath();
                copy.put(name.name(), assigned(child, path.subList(1, path.size()), value));
            }
            return new AttrValue.M(copy);
        }
        if (container instanceof AttrValue.L list && step instanceof Index index) {
            List<AttrValue> copy = new ArrayList<>(list.values());
            int i = index.index();
            if (last) {
                if (value == null) {
                    if (i < copy.size()) copy.remove(i);
                } else if (i < copy.size()) {
                    copy.set(i, value);
                } else {
                    copy.add(value);
                }
            } else {
                if (i >= copy.size()) throw invalidPath();
                copy.set(i, assigned(copy.get(i), path.subList(1, path.size()), value));
            }
            return new AttrValue.L(copy);
        }
        throw invalidPath();
    }

    private static DynamoException invalidPath() {
        return Errors.validation("The document path provided in the update expression is invalid for update");
    }
}
