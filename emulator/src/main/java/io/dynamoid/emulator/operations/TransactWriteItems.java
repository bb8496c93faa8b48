package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.ConditionExpression;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.UpdateExpression;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.protocol.TransactionCanceledException.Reason;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.Transaction;
import io.dynamoid.emulator.validation.RequestSpec;
import io.dynamoid.emulator.validation.Shape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.validation.Shape.fieldStruct;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck actions over one or more tables,
 * applied all together or not at all. The whole request is validated first (shapes, expressions, tables,
 * keys, one action per item, the 4 MB payload); then, holding every touched item's lock
 * ({@link Transaction}), each action's condition is evaluated against the current items and every new
 * item computed; any failure cancels the transaction with one reason per action, otherwise all changes are
 * committed as one group. A ClientRequestToken makes a retry within 10 minutes a no-op.
 */
public final class TransactWriteItems implements Operation {
    static final int MAX_ACTIONS = 100;
    /** The aggregate size limit of a transaction: 4 MB. */
    static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;

    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ClientRequestToken", string().minLength(1).maxLength(36))
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("ReturnItemCollectionMetrics", Items.returnItemCollectionMetricsMember())
            .with("TransactItems", list(valueStruct("TransactWriteItem")
                    .with("ConditionCheck", action("ConditionCheck", "Key").with("ConditionExpression", string().notNull()))
                    .with("Put", action("Put", "Item").with("ConditionExpression", string()))
                    .with("Delete", action("Delete", "Key").with("ConditionExpression", string()))
                    .with("Update", action("Update", "Key").with("UpdateExpression", string().notNull())
                            .with("ConditionExpression", string())))
                    .notNull().minLength(1).maxLength(MAX_ACTIONS));

    /** The members every kind of action has: its item or key, its table, placeholders and the failure return. */
    private static Shape action(String model, String attributes) {
        return fieldStruct(model)
                .with(attributes, Items.attributeMapMember().notNull())
                .with("TableName", Items.tableNameMember())
                .with("ExpressionAttributeNames", Items.expressionAttributeNamesMember())
                .with("ExpressionAttributeValues", Items.attributeMapMember())
                .with("ReturnValuesOnConditionCheckFailure", Items.returnValuesOnConditionCheckFailureMember());
    }

    private enum Kind {
        CONDITION_CHECK("ConditionCheck"), PUT("Put"), DELETE("Delete"), UPDATE("Update");

        final String member;

        Kind(String member) {
            this.member = member;
        }
    }

    /**
     * One action, checked without looking at any table: {@code attributes} is the Put's item or the key;
     * {@code putItem} is set for a Put only, {@code update} for an Update only.
     */
    private record Parsed(Kind kind, String tableName, Map<String, AttrValue> attributes, Item putItem,
                          ConditionExpression condition, UpdateExpression update, boolean returnOldOnFailure) {
    }

    /** A parsed action bound to its table and item; {@code invalid} says why it cancels the transaction instead. */
    private record Action(Parsed parsed, Table table, ItemKey key, Reason invalid) {
    }

    /** What one action would do: the new item (null to delete), or why it cannot. */
    private record Outcome(Item newItem, Reason failure) {
    }

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        List<Parsed> parsed = new ArrayList<>();
        for (JsonNode transactItem : request.get("TransactItems")) parsed.add(parse(transactItem, context));
        List<Action> actions = bind(parsed, context);
        checkPayloadSize(parsed);

        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        boolean metrics = ItemCollectionMetrics.requested(request);
        JsonNode token = request.get("ClientRequestToken");
        if (token == null) return apply(actions, mode, metrics, context);
        // The same request again, whatever capacity it asks to see (the docs: a replay reports read capacity).
        ObjectNode fingerprint = request.deepCopy();
        fingerprint.remove("ReturnConsumedCapacity");
        return context.database().idempotencyTokens().once(token.textValue(), fingerprint,
                () -> apply(actions, mode, metrics, context),
                () -> replay(actions, mode, metrics));
    }

    // ---------------------------------------------------------------- validation

    /** One TransactItems entry: exactly one action, its values and expressions, in DynamoDB's order. */
    private static Parsed parse(JsonNode transactItem, RequestContext context) {
        Kind kind = null;
        int count = 0;
        for (Kind candidate : Kind.values()) {
            if (transactItem.has(candidate.member)) {
                kind = candidate;
                count++;
            }
        }
        // Messages from real DynamoDB, as pinned by getmoto/moto's tests and DynamoDB's DAX client validator.
        if (count == 0) throw Errors.validation("Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
        if (count > 1) throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");

        ObjectNode action = (ObjectNode) transactItem.get(kind.member);
        Map<String, AttrValue> attributes = Items.readAttributes(action.get(kind == Kind.PUT ? "Item" : "Key"));
        Item putItem = kind == Kind.PUT ? Item.of(attributes) : null;
        if (putItem != null) Items.checkItemSize(putItem, context);
        Expressions.Compiled expressions = Transactions.compile(action, List.of("UpdateExpression", "ConditionExpression"));
        JsonNode onFailure = action.get("ReturnValuesOnConditionCheckFailure");
        return new Parsed(kind, action.get("TableName").textValue(), attributes, putItem, expressions.condition(),
                expressions.update(), onFailure != null && onFailure.textValue().equals("ALL_OLD"));
    }

    /** Tables and keys, then DynamoDB's rule that a transaction touches each item once. */
    private static List<Action> bind(List<Parsed> parsed, RequestContext context) {
        List<Action> actions = new ArrayList<>(parsed.size());
        for (Parsed p : parsed) {
            Table table = Items.activeTable(context, p.tableName());
            Transactions.Target target = Transactions.target(p.attributes(), table, p.kind() == Kind.PUT);
            if (p.kind() == Kind.UPDATE) UpdateItem.checkUpdates(table.definition(), p.update(), null);
            actions.add(new Action(p, table, target.key(), target.invalid()));
        }
        Set<Transaction.Target> seen = new HashSet<>();
        for (Action action : actions) {
            if (action.invalid() == null && !seen.add(new Transaction.Target(action.table(), action.key()))) {
                // Real DynamoDB's message (getmoto/moto PR #7378, checked against AWS).
                throw Errors.validation("Transaction request cannot include multiple operations on one item");
            }
        }
        return actions;
    }

    /**
     * The 4 MB limit on a transaction's payload, counted as the sizes of the items put plus the keys of the
     * other actions (the message is real DynamoDB's, whose own count also includes expressions).
     */
    private static void checkPayloadSize(List<Parsed> parsed) {
        long size = 0;
        for (Parsed p : parsed) size += p.putItem() != null ? p.putItem().size() : ItemSize.of(p.attributes());
        if (size > MAX_PAYLOAD_BYTES) {
            String limit = "Transaction payload size cannot exceed 4MB. Payload Size: " + size;
            // Real DynamoDB repeats itself this way (a ValidationException body quoted in public test suites).
            throw Errors.validation("Transaction payload size cannot exceed 4MB. Payload Size: : " + limit);
        }
    }

    // ---------------------------------------------------------------- execution

    private static Response apply(List<Action> actions, ConsumedCapacity.Mode mode, boolean metrics, RequestContext context) {
        List<Transaction.Target> targets = targets(actions);
        int maxItemSize = context.settings().maxItemSizeBytes();
        return Transaction.locked(targets, () -> {
            List<Reason> reasons = new ArrayList<>(actions.size());
            List<Change> changes = new ArrayList<>();
            Map<Table, ConsumedCapacity> capacity = new LinkedHashMap<>();
            boolean cancelled = false;
            for (Action action : actions) {
                if (action.invalid() != null) {
                    reasons.add(action.invalid());
                    cancelled = true;
                    continue;
                }
                Item current = action.table().get(action.key());
                Outcome outcome = evaluate(action, current, maxItemSize);
                reasons.add(outcome.failure() == null ? Reason.NONE : outcome.failure());
                cancelled |= outcome.failure() != null;
                // A check writes nothing; nor does deleting a missing item.
                boolean writes = outcome.failure() == null && action.parsed().kind() != Kind.CONDITION_CHECK
                        && (outcome.newItem() != null || current != null);
                if (writes) changes.add(new Change(action.table(), action.key(), current, outcome.newItem()));
                ConsumedCapacity units = writes ? ConsumedCapacity.write(action.table().definition(), current, outcome.newItem())
                        : ConsumedCapacity.write(action.table().definition(), null, null);
                capacity.merge(action.table(), doubled(units), ConsumedCapacity::plus);
            }
            if (cancelled) throw Errors.transactionCanceled(reasons);
            context.database().commitGroup(changes);
            return response(List.copyOf(capacity.values()), mode, metrics ? collectionMetrics(actions) : Map.of());
        });
    }

    /** A replay of a completed request: nothing is applied; the capacity is that of reading the items. */
    private static Response replay(List<Action> actions, ConsumedCapacity.Mode mode, boolean metrics) {
        Map<Table, ConsumedCapacity> capacity = new LinkedHashMap<>();
        for (Action action : actions) {
            Item item = action.table().get(action.key());
            capacity.merge(action.table(), ConsumedCapacity.read(action.table().name(), item, true), ConsumedCapacity::plus);
        }
        return response(List.copyOf(capacity.values()), mode, metrics ? collectionMetrics(actions) : Map.of());
    }

    /** The action's condition against {@code current}, then the item it writes. */
    private static Outcome evaluate(Action action, Item current, int maxItemSize) {
        Parsed p = action.parsed();
        Map<String, AttrValue> currentAttributes = current == null ? null : current.attributes();
        if (p.condition() != null && !p.condition().matches(currentAttributes)) {
            return new Outcome(null, Reason.conditionalCheckFailed(p.returnOldOnFailure() ? currentAttributes : null));
        }
        switch (p.kind()) {
            case PUT:
                return new Outcome(p.putItem(), null);
            case UPDATE:
                try {
                    Map<String, AttrValue> base = current == null ? p.attributes() : currentAttributes;
                    Item updated = Item.of(p.update().apply(base, UpdateItem.indexKeyTypes(action.table().definition())));
                    if (updated.size() > maxItemSize) {
                        return new Outcome(null, Reason.validationError("Item size to update has exceeded the maximum allowed size"));
                    }
                    return new Outcome(updated, null);
                } catch (DynamoException e) {
                    // Errors that depend on the item (wrong operand type, missing path) cancel the transaction.
                    return new Outcome(null, Reason.validationError(e.getMessage()));
                }
            default: // DELETE, CONDITION_CHECK: nothing written (a check writes nothing at all)
                return new Outcome(null, null);
        }
    }

    private static List<Transaction.Target> targets(List<Action> actions) {
        List<Transaction.Target> targets = new ArrayList<>(actions.size());
        for (Action action : actions) {
            if (action.invalid() == null) targets.add(new Transaction.Target(action.table(), action.key()));
        }
        return targets;
    }

    /** Transactional writes cost twice the units of plain writes (transaction-apis.html#transaction-capacity-handling). */
    private static ConsumedCapacity doubled(ConsumedCapacity units) {
        return units.plus(units);
    }

    /** One entry per item collection written to, for the tables that have local secondary indexes. */
    private static Map<String, List<ItemCollectionMetrics>> collectionMetrics(List<Action> actions) {
        Map<Table, Set<ItemKey>> collections = new LinkedHashMap<>();
        for (Action action : actions) {
            if (action.parsed().kind() == Kind.CONDITION_CHECK) continue;
            collections.computeIfAbsent(action.table(), unused -> new LinkedHashSet<>())
                    .add(ItemKey.partitionStart(action.key().partition()));
        }
        Map<String, List<ItemCollectionMetrics>> metrics = new LinkedHashMap<>();
        collections.forEach((table, partitions) -> {
            for (ItemKey partition : partitions) {
                ItemCollectionMetrics collection = ItemCollectionMetrics.of(table, partition);
                if (collection != null) metrics.computeIfAbsent(table.name(), unused -> new ArrayList<>()).add(collection);
            }
        });
        return metrics;
    }

    private static Response response(List<ConsumedCapacity> capacity, ConsumedCapacity.Mode mode,
                                     Map<String, List<ItemCollectionMetrics>> metrics) {
        return g -> {
            g.writeStartObject();
            ConsumedCapacity.writeListField(g, mode, capacity);
            ItemCollectionMetrics.writeByTableField(g, metrics);
            g.writeEndObject();
        };
    }
}
