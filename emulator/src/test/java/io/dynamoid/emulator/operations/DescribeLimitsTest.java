package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DescribeLimits: DynamoDB's default quotas (Developer Guide, "Service, account, and table quotas"). */
class DescribeLimitsTest extends TableTestSupport {

    @Test
    void answersTheDefaultCapacityQuotas() {
        DescribeLimitsResponse limits = client.describeLimits(r -> { });
        assertEquals(80_000L, limits.accountMaxReadCapacityUnits());
        assertEquals(80_000L, limits.accountMaxWriteCapacityUnits());
        assertEquals(40_000L, limits.tableMaxReadCapacityUnits());
        assertEquals(40_000L, limits.tableMaxWriteCapacityUnits());
    }

    @Test
    void ignoresUnknownMembers() {
        assertEquals(200, raw.call("DescribeLimits", "{\"Whatever\": 1}").status());
    }
}
