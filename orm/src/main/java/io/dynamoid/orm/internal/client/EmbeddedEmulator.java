package io.dynamoid.orm.internal.client;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.orm.ConfigurationException;

import java.net.URI;

/**
 * The LOCAL adapter's in-memory emulator. The only class touching {@code dynamoid-emulator}, an optional
 * dependency: it is loaded only when LOCAL needs an emulator, so AWS users never need it.
 */
public final class EmbeddedEmulator implements AutoCloseable {
    private final Emulator emulator;

    private EmbeddedEmulator(Emulator emulator) {
        this.emulator = emulator;
    }

    public static EmbeddedEmulator start() {
        try {
            return new EmbeddedEmulator(Emulator.start());
        } catch (NoClassDefFoundError e) {
            throw new ConfigurationException("The LOCAL adapter needs io.dynamoid:dynamoid-emulator on the classpath,"
                    + " or an endpoint (DynamoidConfig.forEndpoint or the DYNAMOID_ENDPOINT environment variable)", e);
        }
    }

    public URI endpoint() {
        return emulator.endpoint();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
