package io.dynamoid.orm;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoidConfigTest {

    @Test
    void defaultsFollowRubyDynamoid() {
        DynamoidConfig c = DynamoidConfig.builder().build();

        assertEquals(DynamoidConfig.Adapter.LOCAL, c.adapter());
        assertEquals("dynamoid", c.namespace());
        assertTrue(c.timestamps());
        assertTrue(c.createTableOnSave());
        assertTrue(c.warnOnScan());
        assertFalse(c.errorOnScan());
        assertFalse(c.storeDateTimeAsString());
        assertFalse(c.storeDateAsString());
        assertTrue(c.storeBooleanAsNative());
        assertTrue(c.storeEmptyStringAsNull());
        assertFalse(c.storeAttributeWithNullValue());
        assertEquals(25, c.batchSize());
    }

    @Test
    void newTablesAreOnDemandUnlessProvisioned() {
        assertEquals(DynamoidConfig.CapacityMode.ON_DEMAND, DynamoidConfig.builder().build().capacityMode());
        DynamoidConfig provisioned = DynamoidConfig.builder().provisioned(8, 4).build();
        assertEquals(DynamoidConfig.CapacityMode.PROVISIONED, provisioned.capacityMode());
        assertEquals(8, provisioned.readCapacity());
        assertEquals(4, provisioned.writeCapacity());
    }

    @Test
    void awsTakesARegionAndOptionalKeysAndEndpoint() {
        DynamoidConfig c = DynamoidConfig.builder().aws("eu-west-3").credentials("AK", "SK")
                .endpoint(URI.create("https://dynamodb.example")).build();

        assertEquals(DynamoidConfig.Adapter.AWS, c.adapter());
        assertEquals("eu-west-3", c.region());
        assertEquals("AK", c.accessKey());
        assertEquals(URI.create("https://dynamodb.example"), c.endpoint());
    }

    @Test
    void awsWithoutEndpointUsesTheRegionsOwnEvenWhenDynamoidEndpointIsSet() {
        assertNull(DynamoidConfig.builder().aws("us-west-2").build().endpoint());
    }

    @Test
    void forEndpointTalksToARunningEmulator() {
        DynamoidConfig c = DynamoidConfig.forEndpoint(URI.create("http://127.0.0.1:8000")).build();

        assertEquals(DynamoidConfig.Adapter.LOCAL, c.adapter());
        assertEquals(URI.create("http://127.0.0.1:8000"), c.endpoint());
    }

    @Test
    void toBuilderDerivesAVariant() {
        DynamoidConfig base = DynamoidConfig.builder().namespace("a").errorOnScan(true).build();
        DynamoidConfig variant = base.toBuilder().namespace("b").build();

        assertEquals("b", variant.namespace());
        assertTrue(variant.errorOnScan());
        assertEquals("a", base.namespace());
    }

    @Test
    void impossibleValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DynamoidConfig.builder().batchSize(26));
        assertThrows(IllegalArgumentException.class, () -> DynamoidConfig.builder().provisioned(0, 1));
        assertThrows(IllegalArgumentException.class, () -> DynamoidConfig.builder().batchRetries(-1, Duration.ZERO, Duration.ZERO));
    }
}
