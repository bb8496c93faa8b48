package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.validation.RequestSpec;

/** DescribeTimeToLive: ENABLED with the attribute's name, or DISABLED. */
public final class DescribeTimeToLive implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of().with("TableName", TableShapes.tableName());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        String attribute = TableNames.existing(request, context).definition().ttlAttribute();
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("TimeToLiveDescription");
            g.writeStringField("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
            if (attribute != null) g.writeStringField("AttributeName", attribute);
            g.writeEndObject();
            g.writeEndObject();
        };
    }
}
