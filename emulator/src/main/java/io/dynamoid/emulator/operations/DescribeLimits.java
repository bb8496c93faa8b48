package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.validation.RequestSpec;

/**
 * DescribeLimits: DynamoDB's default provisioned-capacity quotas (per account and per table, in most
 * regions). The emulator does not enforce them.
 */
public final class DescribeLimits implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of();
    private static final long ACCOUNT_MAX_UNITS = 80_000;
    private static final long TABLE_MAX_UNITS = 40_000;

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        return g -> {
            g.writeStartObject();
            g.writeNumberField("AccountMaxReadCapacityUnits", ACCOUNT_MAX_UNITS);
            g.writeNumberField("AccountMaxWriteCapacityUnits", ACCOUNT_MAX_UNITS);
            g.writeNumberField("TableMaxReadCapacityUnits", TABLE_MAX_UNITS);
            g.writeNumberField("TableMaxWriteCapacityUnits", TABLE_MAX_UNITS);
            g.writeEndObject();
        };
    }
}
