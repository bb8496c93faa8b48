package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.expressions.Expressions;
import io.dynamoid.emulator.expressions.Projection;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.ItemKey;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import java.util.List;
import java.util.Map;

import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.string;

/**
 * GetItem: the item at a key, lock-free (every read sees a committed item, so eventually consistent and
 * strongly consistent reads answer alike; only their capacity differs). No item answers {@code {}}.
 * Validation follows dynalite's {@code validations/getItem.js} then {@code db.validateKey}.
 */
public final class GetItem implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("ReturnConsumedCapacity", Items.returnConsumedCapacityMember())
            .with("AttributesToGet", Items.attributesToGetMember())
            .with("TableName", Items.tableNameMember())
            .with("Key", Items.attributeMapMember().notNull())
            .with("ConsistentRead", bool())
            .with("ProjectionExpression", string())
            .with("ExpressionAttributeNames", Items.expressionAttributeNamesMember());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        Expressions.checkParameters(request, List.of("ProjectionExpression"), List.of("AttributesToGet"));
        Map<String, AttrValue> keyAttributes = Items.readAttributes(request.get("Key"));
        Items.checkNoDuplicateAttributesToGet(request.get("AttributesToGet"));
        Projection projection = Expressions.projection(request);

        Table table = Items.activeTable(context, request.get("TableName").textValue());
        ItemKey key = Keys.validateKey(keyAttributes, table);
        if (projection != null) Expressions.checkKeyPaths(projection.nestedPathHeads(), table.definition());
        Item item = table.get(key);

        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        ConsumedCapacity.Mode mode = ConsumedCapacity.Mode.of(request);
        ConsumedCapacity capacity = ConsumedCapacity.read(table.name(), item, consistent);
        Map<String, AttrValue> returned = item == null ? null : projection != null ? projection.apply(item.attributes())
                : Items.project(item.attributes(), request.get("AttributesToGet"));
        return g -> {
            g.writeStartObject();
            if (returned != null) {
                g.writeFieldName("Item");
                AttrValueJson.writeItem(g, returned);
            }
            ConsumedCapacity.writeField(g, mode, capacity);
            g.writeEndObject();
        };
    }
}
