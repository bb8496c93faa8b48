package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.partiql.Statement;
import io.dynamoid.emulator.partiql.StatementRunner;
import io.dynamoid.emulator.partiql.Statements;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.TransactionCanceledException.Reason;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Transaction;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * ExecuteTransaction: up to 100 PartiQL statements run all-or-nothing, on the transactions' machinery —
 * every item's lock held (in one global order), every write decided against the current items, then all
 * committed as one group, or none when any fails (TransactionCanceledException with a reason per
 * statement). All statements read (SELECTs naming one item each, answered from one consistent state) or
 * all write; among writes, EXISTS(SELECT ...) is a condition check that writes nothing. A ClientRequestToken makes a retry within 10 minutes a no-op, as for TransactWriteItems.
 */
public final class ExecuteTransaction implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("TransactStatements", list(valueStruct("ParameterizedStatement")
                    .with("Statement", string().notNull().minLength(1).maxLength(8192))
                    .with("Parameters", list(attributeValue()).minLength(1))
                    .with("ReturnValuesOnConditionCheckFailure", Items.returnValuesOnConditionCheckFailureMember()))
                    .notNull().minLength(1).maxLength(100))
            .with("ClientRequestToken", string().minLength(1).maxLength(36))
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        List<Statement> statements = new ArrayList<>();
        for (JsonNode member : request.get("TransactStatements")) statements.add(Statements.parse(member));
        if (Statements.allReads(statements, "The entire transaction")) return read(statements, context);
        JsonNode token = request.get("ClientRequestToken");
        if (token == null) return write(statements, context);
        ObjectNode fingerprint = request.deepCopy();
        fingerprint.remove("ReturnConsumedCapacity");
        return context.database().idempotencyTokens().once(token.textValue(), fingerprint,
                () -> write(statements, context), () -> Response.EMPTY);
    }

    private static Response read(List<Statement> statements, RequestContext context) {
        List<Transaction.Target> targets = new ArrayList<>();
        for (Statement statement : statements) {
            Statement.Select select = (Statement.Select) statement;
            targets.add(new Transaction.Target(Items.activeTable(context, select.table()), StatementRunner.keyOf(select, context)));
        }
        checkDistinct(targets);
        List<Map<String, AttrValue>> items = Transaction.locked(targets, () -> {
            List<Map<String, AttrValue>> read = new ArrayList<>();
            for (Statement statement : statements) read.add(StatementRunner.readItem((Statement.Select) statement, context));
            return read;
        });
        return g -> {
            g.writeStartObject();
            TransactGetItems.writeResponses(g, items);
            g.writeEndObject();
        };
    }

    private static Response write(List<Statement> statements, RequestContext context) {
        List<StatementRunner.Write> writes = new ArrayList<>();
        List<Transaction.Target> targets = new ArrayList<>();
        for (Statement statement : statements) {
            StatementRunner.Write write = StatementRunner.planInTransaction(statement, context);
            writes.add(write);
            targets.add(new Transaction.Target(write.table(), write.key()));
        }
        checkDistinct(targets);
        Transaction.locked(targets, () -> {
            List<Reason> reasons = new ArrayList<>(writes.size());
            List<Change> changes = new ArrayList<>(writes.size());
            boolean cancelled = false;
            for (StatementRunner.Write write : writes) {
                Item current = write.table().get(write.key());
                try {
                    Item next = write.change().apply(current);
                    // an EXISTS condition check answers the current item itself: nothing to write
                    if (next != current) changes.add(new Change(write.table(), write.key(), current, next));
                    reasons.add(Reason.NONE);
                } catch (DynamoException e) {
                    reasons.add(reason(e));
                    cancelled = true;
                }
            }
            if (cancelled) throw Errors.transactionCanceled(reasons);
            context.database().commitGroup(changes);
            return null;
        });
        return Response.EMPTY;
    }

    /** The cancellation reason for a statement's failure, coded as DynamoDB codes them. */
    private static Reason reason(DynamoException e) {
        String type = e.shortType();
        if (type.equals("ConditionalCheckFailedException")) return Reason.conditionalCheckFailed(null);
        if (type.equals("DuplicateItemException")) return new Reason("DuplicateItem", e.getMessage(), null);
        if (type.equals("ValidationException")) return Reason.validationError(e.getMessage());
        throw e;
    }

    private static void checkDistinct(List<Transaction.Target> targets) {
        Set<Transaction.Target> seen = new HashSet<>();
        for (Transaction.Target target : targets) {
            if (!seen.add(target)) throw Errors.validation("Transaction request cannot include multiple operations on one item");
        }
    }
}
