package io.dynamoid.emulator.server;

import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The standalone emulator refuses XNIO an MBean server during its start only, and no one else. */
class MainProcessSettingsTest {
    private static final String BUILDER = "javax.management.builder.initial";

    @Test
    void builderBuildsAnMBeanServerForCallersOtherThanXnio() {
        MBeanServer server = new Main.NoXnioMBeanServerBuilder().newMBeanServer("test", null, new MBeanServerDelegate());
        assertEquals("test", server.getDefaultDomain());
    }

    @Test
    void startedRestoresTheJdksBuilder() {
        System.setProperty(BUILDER, Main.NoXnioMBeanServerBuilder.class.getName());
        try {
            Main.started();
            assertNull(System.getProperty(BUILDER));
        } finally {
            System.clearProperty(BUILDER);
        }
    }

    @Test
    void startedKeepsABuilderTheUserChose() {
        System.setProperty(BUILDER, "com.example.Builder");
        try {
            Main.started();
            assertEquals("com.example.Builder", System.getProperty(BUILDER));
        } finally {
            System.clearProperty(BUILDER);
        }
    }
}
