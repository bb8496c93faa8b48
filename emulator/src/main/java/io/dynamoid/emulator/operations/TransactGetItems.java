package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.Projection;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.TransactionCanceledException.Reason;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.Transaction;
import io.dynamoid.emulator.validation.RequestSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.validation.Shape.fieldStruct;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * TransactGetItems: up to 100 items, from one or more tables, read as one consistent snapshot — every
 * item's lock is held while they are read ({@link Transaction}), so no write (single or transactional) is
 * seen half-done. Answers one entry per Get, in request order: {@code {"Item": ...}} or {@code {}} when
 * there is no such item.
 */
public final class TransactGetItems implements Operation {
    static final int MAX_GETS = 100;

    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("TransactItems", list(valueStruct("TransactGetItem")
                    .with("Get", fieldStruct("Get")
                            .with("Key", Items.attributeMapMember().notNull())
                            .with("TableName", Items.tableNameMember())
                            .with("ProjectionExpression", string())
                            .with("ExpressionAttributeNames", Items.expressionAttributeNamesMember())
                            .notNull()))
                    .notNull().minLength(1).maxLength(MAX_GETS));

    /** One Get, bound to its table and item; {@code projection} null returns the whole item. */
    private record Get(Table table, ItemKey key, Projection projection) {
    }

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        List<ObjectNode> requests = new ArrayList<>();
        List<Map<String, AttrValue>> keys = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        for (JsonNode transactItem : request.get("TransactItems")) {
            ObjectNode get = (ObjectNode) transactItem.get("Get");
            keys.add(Items.readAttributes(get.get("Key")));
            projections.add(Transactions.compile(get, List.of("ProjectionExpression")).projection());
            requests.add(get);
        }
        List<Get> gets = new ArrayList<>(requests.size());
        List<Reason> reasons = new ArrayList<>(requests.size());
        Set<Transaction.Target> seen = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Table table = Items.activeTable(context, requests.get(i).get("TableName").textValue());
            Transactions.Target target = Transactions.target(keys.get(i), table, false);
            reasons.add(target.invalid() == null ? Reason.NONE : target.invalid());
            if (target.invalid() == null && !seen.add(new Transaction.Target(table, target.key()))) {
                throw Errors.validation("Transaction request cannot include multiple operations on one item");
            }
            gets.add(new Get(table, target.key(), projections.get(i)));
        }
        if (!reasons.stream().allMatch(Reason.NONE::equals)) throw Errors.transactionCanceled(reasons);

        List<Transaction.Target> targets = new ArrayList<>(seen);
        List<Item> items = Transaction.locked(targets, () -> {
            List<Item> read = new ArrayList<>(gets.size());
            for (Get get : gets) read.add(get.table().get(get.key()));
            return read;
        });

        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        Map<Table, ConsumedCapacity> capacity = new LinkedHashMap<>();
        List<Map<String, AttrValue>> responses = new ArrayList<>(gets.size());
        for (int i = 0; i < gets.size(); i++) {
            Get get = gets.get(i);
            Item item = items.get(i);
            // A transactional read costs twice a strongly consistent one (transaction-apis.html#transaction-capacity-handling).
            ConsumedCapacity units = ConsumedCapacity.read(get.table().name(), item, true);
            capacity.merge(get.table(), units.plus(units), ConsumedCapacity::plus);
            responses.add(item == null ? null : get.projection() == null ? item.attributes() : get.projection().apply(item.attributes()));
        }
        List<ConsumedCapacity> consumed = List.copyOf(capacity.values());
        return g -> {
            g.writeStartObject();
            ConsumedCapacity.writeListField(g, mode, consumed);
            writeResponses(g, responses);
            g.writeEndObject();
        };
    }

    /** The "Responses" field: one object per Get, in order, holding its "Item" unless the item was missing. */
    static void writeResponses(JsonGenerator g, List<Map<String, AttrValue>> items) throws IOException {
        g.writeArrayFieldStart("Responses");
        for (Map<String, AttrValue> item : items) {
            g.writeStartObject();
            if (item != null) {
                g.writeFieldName("Item");
                AttrValueJson.writeItem(g, item);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
