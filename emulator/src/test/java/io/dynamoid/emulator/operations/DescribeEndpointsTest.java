package io.dynamoid.emulator.operations;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DescribeEndpoints: the emulator names itself, with DynamoDB's cache period of 1440 minutes. */
class DescribeEndpointsTest extends TableTestSupport {

    @Test
    void answersTheAddressTheClientUsed() {
        List<Endpoint> endpoints = client.describeEndpoints(r -> { }).endpoints();
        assertEquals(1, endpoints.size());
        assertEquals(emulator.endpoint().getAuthority(), endpoints.get(0).address());
        assertEquals(1440L, endpoints.get(0).cachePeriodInMinutes());
    }
}
