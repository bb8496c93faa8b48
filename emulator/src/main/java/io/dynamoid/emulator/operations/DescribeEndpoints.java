package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.validation.RequestSpec;

/**
 * DescribeEndpoints: the one endpoint is the emulator itself, as the client addressed it (DynamoDB answers
 * its regional endpoint), cached for DynamoDB's 1440 minutes.
 */
public final class DescribeEndpoints implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of();
    private static final long CACHE_PERIOD_MINUTES = 1440;

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        String address = context.host() == null ? "localhost" : context.host();
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Endpoints");
            g.writeStartObject();
            g.writeStringField("Address", address);
            g.writeNumberField("CachePeriodInMinutes", CACHE_PERIOD_MINUTES);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        };
    }
}
