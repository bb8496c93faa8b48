package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.Projection;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.ItemSize;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.emulator.validation.Shape.attributeValue;
import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.map;
import static io.dynamoid.emulator.validation.Shape.parameterizedMap;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/**
 * BatchGetItem: up to 100 keys over several tables, read lock-free like GetItem. Items beyond DynamoDB's
 * 16 MB response limit come back as UnprocessedKeys (with their table's read options) for the client to
 * retry. Validation follows dynalite's {@code validations/batchGetItem.js} and {@code actions/batchGetItem.js}.
 */
public final class BatchGetItem implements Operation {
    static final int MAX_KEYS = 100;
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("RequestItems", map("KeysAndAttributes", valueStruct("KeysAndAttributes")
                    .with("Keys", list(parameterizedMap(attributeValue())).notNull().minLength(1).maxLength(MAX_KEYS))
                    .with("AttributesToGet", Items.attributesToGetMember())
                    .with("ConsistentRead", bool())
                    .with("ProjectionExpression", string())
                    .with("ExpressionAttributeNames", Items.expressionAttributeNamesMember()))
                    .notNull().minLength(1).keys(Items.requestItemsTableNames()));

    /** One table's part of the request: its read options and its keys. */
    private record TableKeys(String tableName, JsonNode options, List<Map<String, AttrValue>> keys, Projection projection) {
    }

    /** One table's part of the answer. */
    private record TableResult(String tableName, List<Map<String, AttrValue>> items, JsonNode options,
                               List<Map<String, AttrValue>> unprocessed, ConsumedCapacity capacity) {
    }

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        List<TableKeys> requested = validateRequest(request.get("RequestItems"));

        List<Table> tables = new ArrayList<>();
        List<List<ItemKey>> itemKeys = new ArrayList<>();
        for (TableKeys part : requested) {
            Table table = Items.activeTable(context, part.tableName());
            List<ItemKey> keys = new ArrayList<>();
            for (Map<String, AttrValue> key : part.keys()) keys.add(Keys.validateKey(key, table));
            if (part.projection() != null) Expressions.checkKeyPaths(part.projection().nestedPathHeads(), table.definition());
            tables.add(table);
            itemKeys.add(keys);
        }

        List<TableResult> results = new ArrayList<>();
        long responseBytes = 0;
        for (int t = 0; t < requested.size(); t++) {
            TableKeys part = requested.get(t);
            Table table = tables.get(t);
            boolean consistent = part.options().path("ConsistentRead").asBoolean(false);
            List<Map<String, AttrValue>> found = new ArrayList<>();
            List<Map<String, AttrValue>> unprocessed = new ArrayList<>();
            ConsumedCapacity capacity = ConsumedCapacity.none(table.name());
            for (int k = 0; k < part.keys().size(); k++) {
                Item item = table.get(itemKeys.get(t).get(k));
                Map<String, AttrValue> returned = item == null ? null : part.projection() != null ? part.projection().apply(item.attributes())
                        : Items.project(item.attributes(), part.options().get("AttributesToGet"));
                if (returned != null) {
                    long size = ItemSize.of(returned);
                    if (responseBytes + size > MAX_RESPONSE_BYTES) {
                        unprocessed.add(part.keys().get(k));
                        continue;
                    }
                    responseBytes += size;
                    found.add(returned);
                }
                capacity = capacity.plus(ConsumedCapacity.read(table.name(), item, consistent));
            }
            results.add(new TableResult(table.name(), found, part.options(), unprocessed, capacity));
        }

        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("Responses");
            for (TableResult result : results) {
                g.writeArrayFieldStart(result.tableName());
                for (Map<String, AttrValue> item : result.items()) AttrValueJson.writeItem(g, item);
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("UnprocessedKeys");
            for (TableResult result : results) {
                if (!result.unprocessed().isEmpty()) writeUnprocessed(g, result);
            }
            g.writeEndObject();
            ConsumedCapacity.writeListField(g, mode, results.stream().map(TableResult::capacity).toList());
            g.writeEndObject();
        };
    }

    /** The custom validation, in DynamoDB's order: per table its options, then its keys' values and count. */
    private static List<TableKeys> validateRequest(JsonNode requestItems) {
        List<TableKeys> requested = new ArrayList<>();
        int keyCount = 0;
        Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> entry = tables.next();
            JsonNode options = entry.getValue();
            Expressions.checkParameters((ObjectNode) options, List.of("ProjectionExpression"), List.of("AttributesToGet"));
            Items.checkNoDuplicateAttributesToGet(options.get("AttributesToGet"));
            Projection projection = Expressions.projection((ObjectNode) options);
            Set<Map<String, AttrValue>> seen = new HashSet<>();
            List<Map<String, AttrValue>> keys = new ArrayList<>();
            for (JsonNode sent : options.get("Keys")) {
                Map<String, AttrValue> key = Items.readAttributes(sent);
                if (!seen.add(key)) throw Errors.validation("Provided list of item keys contains duplicates");
                if (++keyCount > MAX_KEYS) throw Errors.validation("Too many items requested for the BatchGetItem call");
                keys.add(key);
            }
            requested.add(new TableKeys(entry.getKey(), options, keys, projection));
        }
        return requested;
    }

    /** A table's unprocessed keys with the read options they were requested with, ready to be sent again. */
    private static void writeUnprocessed(JsonGenerator g, TableResult result) throws IOException {
        g.writeObjectFieldStart(result.tableName());
        g.writeArrayFieldStart("Keys");
        for (Map<String, AttrValue> key : result.unprocessed()) AttrValueJson.writeItem(g, key);
        g.writeEndArray();
        JsonNode options = result.options();
        if (options.has("AttributesToGet")) {
            g.writeArrayFieldStart("AttributesToGet");
            for (JsonNode name : options.get("AttributesToGet")) g.writeString(name.textValue());
            g.writeEndArray();
        }
        if (options.has("ConsistentRead")) g.writeBooleanField("ConsistentRead", options.get("ConsistentRead").booleanValue());
        if (options.has("ProjectionExpression")) g.writeStringField("ProjectionExpression", options.get("ProjectionExpression").textValue());
        if (options.has("ExpressionAttributeNames")) {
            g.writeObjectFieldStart("ExpressionAttributeNames");
            Iterator<Map.Entry<String, JsonNode>> names = options.get("ExpressionAttributeNames").fields();
            while (names.hasNext()) {
                Map.Entry<String, JsonNode> name = names.next();
                g.writeStringField(name.getKey(), name.getValue().textValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
