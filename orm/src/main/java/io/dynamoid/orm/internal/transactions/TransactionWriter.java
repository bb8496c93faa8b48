package io.dynamoid.orm.internal.transactions;

import io.dynamoid.orm.DocumentNotValidException;
import io.dynamoid.orm.InvalidTransactionException;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.RecordNotDestroyedException;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.RecordNotSavedException;
import io.dynamoid.orm.TransactionCanceledException;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.client.Failures;
import io.dynamoid.orm.internal.lifecycle.Callback;
import io.dynamoid.orm.internal.lifecycle.Callbacks;
import io.dynamoid.orm.internal.persistence.Changes;
import io.dynamoid.orm.internal.persistence.Delete;
import io.dynamoid.orm.internal.persistence.Expressions;
import io.dynamoid.orm.internal.persistence.Increment;
import io.dynamoid.orm.internal.persistence.Save;
import io.dynamoid.orm.internal.persistence.Stamps;
import io.dynamoid.orm.internal.persistence.UpdateFields;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * A write transaction (Dynamoid's {@code TransactionWrite}): actions are collected — validation and
 * before/after callbacks run as each is added, ids, timestamps and lock versions are set on the records —
 * then sent together with one TransactWriteItems. After it succeeds the records are persisted (or destroyed)
 * and after_commit runs on each; when it fails or is rolled back, the records get their previous values back
 * and after_rollback runs.
 */
public final class TransactionWriter {
    /** DynamoDB's limit of actions in one TransactWriteItems. */
    public static final int MAX_ACTIONS = 100;

    private enum Status { OPEN, COMMITTED, ROLLED_BACK }

    private final Engine engine;
    private final BiConsumer<Model<?>, Map<String, AttributeValue>> saved;
    private final List<WriteAction> actions = new ArrayList<>();
    private Status status = Status.OPEN;

    /**
     * {@code saved} is told, once the transaction committed, of each record it saved, with the attributes stored
     * before (none for a new record).
     */
    public TransactionWriter(Engine engine, BiConsumer<Model<?>, Map<String, AttributeValue>> saved) {
        this.engine = engine;
        this.saved = saved;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /**
     * Adds the save of a record, as {@code save()} does it: a new one is created, an existing one updated with
     * its changed attributes (nothing is written when none changed). Validates first unless told not to.
     */
    public void save(Model<?> model, RecordState state, boolean validate) {
        requireUsable(model, state, "save");
        if (validate) {
            validate(model);
        }
        boolean creating = state.isNew();
        saveCallbacks(model, creating ? Callback.CREATE : Callback.UPDATE, () -> {
            if (creating) {
                addCreate("save", model, state);
            } else {
                addUpdate(model, state);
            }
        });
    }

    /** Adds the creation of a new record (an existing item with its key cancels the transaction). */
    public void create(Model<?> model, RecordState state) {
        requireUsable(model, state, "create");
        if (!state.isNew()) {
            throw new InvalidTransactionException("Cannot create " + model + ": it is already persisted (save it instead)");
        }
        validate(model);
        saveCallbacks(model, Callback.CREATE, () -> addCreate("create", model, state));
    }

    /** Adds the deletion of a record, without callbacks; with optimistic locking, only if its version is unchanged. */
    public void delete(Model<?> model, RecordState state) {
        requireUsable(model, state, "delete");
        addDelete("delete", model, state);
    }

    /** Adds the deletion of a record with its destroy callbacks. */
    public void destroy(Model<?> model, RecordState state) {
        requireUsable(model, state, "destroy");
        if (!Callbacks.run(model, Callback.DESTROY, () -> addDelete("destroy", model, state))) {
            throw new RecordNotDestroyedException("A callback halted the destroy of " + model + " in a transaction");
        }
    }

    /**
     * Adds Dynamoid's {@code update_fields} (the item must exist) or {@code upsert} of an item by key: no
     * validation, no callbacks; each condition attribute must equal its value.
     */
    public void updateFields(Class<?> type, Object key, Map<String, ?> attributes, Map<String, ?> conditions, boolean upsert) {
        requireOpen();
        ModelMapping mapping = engine.mapping(type);
        Map<String, AttributeValue> itemKey = mapping.key(key);
        Expressions e = UpdateFields.expressions(mapping, itemKey, attributes, conditions, upsert);
        String failure = upsert ? "a condition was not met"
                : conditions.isEmpty() ? "it does not exist" : "it does not exist or a condition was not met";
        actions.add(new WriteAction(describe(upsert ? "upsert" : "updateFields", type, key), failure, mapping, itemKey,
                update(mapping, itemKey, e), null, () -> { }, () -> { }));
    }

    /** Adds atomic counter increments (ADD; negative amounts decrement) of an item by key, and sets updated_at. */
    public void increment(Class<?> type, Object key, Map<String, ? extends Number> amounts) {
        requireOpen();
        ModelMapping mapping = engine.mapping(type);
        Map<String, AttributeValue> itemKey = mapping.key(key);
        Expressions e = Increment.expressions(mapping, amounts, true);
        actions.add(new WriteAction(describe("increment", type, key), "", mapping, itemKey, update(mapping, itemKey, e),
                null, () -> { }, () -> { }));
    }

    /** Adds the deletion of an item by key (a missing item is not an error). */
    public void delete(Class<?> type, Object key) {
        requireOpen();
        ModelMapping mapping = engine.mapping(type);
        Map<String, AttributeValue> itemKey = mapping.key(key);
        TransactWriteItem request = TransactWriteItem.builder()
                .delete(d -> d.tableName(mapping.tableName()).key(itemKey)).build();
        actions.add(new WriteAction(describe("delete", type, key), "", mapping, itemKey, request, null, () -> { }, () -> { }));
    }

    /**
     * Sends the actions with one TransactWriteItems (nothing when there is none). Refused before sending when
     * there are more than 100 actions or two on the same item.
     */
    public void commit() {
        requireOpen();
        if (actions.isEmpty()) {
            status = Status.COMMITTED;
            return;
        }
        try {
            checkLimits();
            actions.stream().map(WriteAction::mapping).distinct().forEach(engine::beforeWrite);
            List<TransactWriteItem> requests = actions.stream().map(WriteAction::request).toList();
            engine.client().transactWriteItems(b -> b.transactItems(requests));
        } catch (RuntimeException e) {
            rollback();
            throw translated(e);
        }
        status = Status.COMMITTED;
        actions.forEach(a -> a.onCommit().run());
        afterEachRecord(Callback.AFTER_COMMIT);
    }

    /** Gives up: nothing is sent; records get their previous ids, timestamps and lock versions; after_rollback runs. */
    public void rollback() {
        requireOpen();
        status = Status.ROLLED_BACK;
        for (int i = actions.size() - 1; i >= 0; i--) {
            actions.get(i).onFailure().run();
        }
        afterEachRecord(Callback.AFTER_ROLLBACK);
    }

    private void afterEachRecord(Callback moment) {
        actions.stream().map(WriteAction::model).filter(Objects::nonNull).forEach(model -> Callbacks.fire(model, moment));
    }

    /** Validates as a save does: {@link DocumentNotValidException} for an invalid record (its callbacks do not run). */
    private static void validate(Model<?> model) {
        if (!model.isValid()) {
            throw new DocumentNotValidException(model, model.violations());
        }
    }

    /** Runs the action inside the save callbacks and those of {@code kind} (create or update). */
    private static void saveCallbacks(Model<?> model, Callback kind, Runnable action) {
        if (!Callbacks.run(model, Callback.SAVE, kind, action)) {
            throw new RecordNotSavedException("A callback halted the save of " + model + " in a transaction");
        }
    }

    private void addCreate(String verb, Model<?> model, RecordState state) {
        ModelMapping mapping = engine.mapping(model.getClass());
        Stamps.Undo stamps = Stamps.forCreate(mapping, model, Instant.now());
        try {
            Map<String, AttributeValue> key = mapping.keyOf(model);
            Map<String, AttributeValue> item = mapping.dump(model);
            Expressions condition = Save.createCondition(mapping);
            TransactWriteItem request = TransactWriteItem.builder().put(p -> p.tableName(mapping.tableName()).item(item)
                    .conditionExpression(condition.condition()).expressionAttributeNames(condition.names())).build();
            actions.add(new WriteAction(verb + " " + model, "an item with this key already exists", mapping, key, request,
                    model, () -> persisted(model, state, Map.of(), item), stamps::restore));
        } catch (RuntimeException e) {
            stamps.restore();
            throw e;
        }
    }

    private void addUpdate(Model<?> model, RecordState state) {
        ModelMapping mapping = engine.mapping(model.getClass());
        Map<String, AttributeValue> before = state.persisted();
        if (Changes.of(mapping.dump(model), before).isEmpty()) {
            return;
        }
        Stamps.Undo stamps = Stamps.forUpdate(mapping, model, Instant.now());
        try {
            Map<String, AttributeValue> after = mapping.dump(model);
            Expressions e = Save.updateOf(mapping, model, before, after);
            Map<String, AttributeValue> key = mapping.keyOf(model);
            String failure = mapping.meta().lockVersion() != null ? "it is stale: its lock version changed or it was deleted"
                    : "it no longer exists";
            actions.add(new WriteAction("save " + model, failure, mapping, key, update(mapping, key, e), model,
                    () -> persisted(model, state, before, after), stamps::restore));
        } catch (RuntimeException e) {
            stamps.restore();
            throw e;
        }
    }

    private void persisted(Model<?> model, RecordState state, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        state.persisted(after, engine);
        saved.accept(model, before);
    }

    private void addDelete(String verb, Model<?> model, RecordState state) {
        ModelMapping mapping = engine.mapping(model.getClass());
        Map<String, AttributeValue> key = state.isNew() ? mapping.keyOf(model) : mapping.keyOfItem(state.persisted());
        Expressions e = Delete.recordCondition(mapping, state);
        TransactWriteItem request = TransactWriteItem.builder().delete(d -> d.tableName(mapping.tableName()).key(key)
                .conditionExpression(e.condition()).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()))
                .build();
        actions.add(new WriteAction(verb + " " + model, "it is stale: its lock version changed", mapping, key, request, model,
                state::destroyed, () -> { }));
    }

    private static TransactWriteItem update(ModelMapping mapping, Map<String, AttributeValue> key, Expressions e) {
        return TransactWriteItem.builder().update(u -> u.tableName(mapping.tableName()).key(key).updateExpression(e.update())
                .conditionExpression(e.condition()).expressionAttributeNames(e.names()).expressionAttributeValues(e.values()))
                .build();
    }

    private void checkLimits() {
        if (actions.size() > MAX_ACTIONS) {
            throw new InvalidTransactionException("A transaction holds at most " + MAX_ACTIONS + " actions; this one has "
                    + actions.size());
        }
        Map<WriteAction.ItemRef, WriteAction> seen = new HashMap<>();
        for (WriteAction action : actions) {
            WriteAction first = seen.putIfAbsent(action.item(), action);
            if (first != null) {
                throw new InvalidTransactionException("Two actions of one transaction write the same item: " + first.description()
                        + " and " + action.description() + " (DynamoDB allows one action per item: \"Transaction request"
                        + " cannot include multiple operations on one item\")");
            }
        }
    }

    private RuntimeException translated(RuntimeException e) {
        if (e instanceof software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException canceled) {
            return canceled(canceled);
        }
        if (e instanceof SdkException sdk) {
            String tables = actions.stream().map(a -> a.mapping().tableName()).distinct().collect(Collectors.joining(", "));
            return Failures.of("TransactWriteItems", tables, sdk);
        }
        return e;
    }

    private TransactionCanceledException canceled(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
        List<TransactionCanceledException.Reason> reasons =
                Cancellations.of(e, actions.stream().map(WriteAction::description).toList());
        String why = reasons.isEmpty() ? e.getMessage() : reasons.stream().map(r -> {
            String conditionFailure = actions.get(r.index()).conditionFailure();
            return r.action() + " failed: " + ("ConditionalCheckFailed".equals(r.code()) && !conditionFailure.isEmpty()
                    ? "its condition failed, " + conditionFailure : Cancellations.codeAndMessage(r));
        }).collect(Collectors.joining("; "));
        return new TransactionCanceledException("Transaction canceled, nothing was written: " + why, reasons, e);
    }

    private void requireUsable(Model<?> model, RecordState state, String verb) {
        requireOpen();
        if (state.isDestroyed()) {
            throw new RecordNotFoundException("Cannot " + verb + " a destroyed " + model.getClass().getSimpleName());
        }
        if (state.engine() != null && state.engine() != engine) {
            throw new InvalidTransactionException("Cannot " + verb + " " + model + " in this transaction: the record belongs to"
                    + " another Dynamoid instance");
        }
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new InvalidTransactionException("This transaction was already "
                    + (status == Status.COMMITTED ? "committed" : "rolled back"));
        }
    }

    /** {@code verb Model[hash, range]}, as {@code Model.toString()} shows a record. */
    static String describe(String verb, Class<?> type, Object key) {
        Key k = key instanceof Key given ? given : Key.of(key);
        return verb + " " + type.getSimpleName() + "[" + k.hash() + (k.range() == null ? "" : ", " + k.range()) + "]";
    }
}
