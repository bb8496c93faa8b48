package io.dynamoid.orm;

/** The configuration cannot work: e.g. LOCAL without the emulator on the classpath, or no current instance. */
public class ConfigurationException extends DynamoidException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
