package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.fieldStruct;
import static io.dynamoid.emulator.validation.Shape.string;

/**
 * UpdateTimeToLive: turns TTL on (naming the attribute) or off. The change is immediate (a local choice:
 * DynamoDB passes through ENABLING/DISABLING for up to an hour and refuses further changes meanwhile).
 */
public final class UpdateTimeToLive implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of()
            .with("TableName", TableShapes.tableName())
            .with("TimeToLiveSpecification", fieldStruct("TimeToLiveSpecification").notNull()
                    .with("Enabled", bool().notNull())
                    .with("AttributeName", string().notNull().maxLength(255)));

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        JsonNode specification = request.get("TimeToLiveSpecification");
        String attribute = specification.get("AttributeName").textValue();
        boolean enable = specification.get("Enabled").booleanValue();
        if (attribute.isEmpty()) throw Errors.validation("TimeToLiveSpecification.AttributeName must be non empty");
        Table table = TableNames.existing(request, context);
        synchronized (table) {
            boolean enabled = table.definition().ttlAttribute() != null;
            // Messages pinned by dynalite's test/updateTimeToLive.js (DynamoDB refuses no-op changes).
            if (enable && enabled) throw Errors.validation("TimeToLive is already enabled");
            if (!enable && !enabled) throw Errors.validation("TimeToLive is already disabled");
            table.definition(table.definition().withTtlAttribute(enable ? attribute : null));
        }
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("TimeToLiveSpecification");
            // As DynamoDB answers: the attribute is echoed when enabling only.
            if (enable) g.writeStringField("AttributeName", attribute);
            g.writeBooleanField("Enabled", enable);
            g.writeEndObject();
            g.writeEndObject();
        };
    }
}
