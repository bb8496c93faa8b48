package io.dynamoid.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.Optional;

/**
 * An endpoint to run against instead of embedded emulators: the {@code dynamoid.endpoint} configuration
 * parameter (JUnit falls back to the system property of that name, then junit-platform.properties), else the
 * {@code DYNAMOID_ENDPOINT} environment variable. The parameter value {@code embedded} means embedded emulators
 * whatever the environment says.
 *
 * @param source where it was found, for messages
 */
record ExternalEndpoint(URI uri, String source) {
    static final String PARAMETER = "dynamoid.endpoint";
    static final String VARIABLE = "DYNAMOID_ENDPOINT";
    /** The parameter value that asks for embedded emulators even when the environment variable is set. */
    static final String EMBEDDED = "embedded";

    static Optional<ExternalEndpoint> of(ExtensionContext context) {
        Optional<String> parameter = context.getConfigurationParameter(PARAMETER).filter(v -> !v.isBlank());
        if (parameter.isPresent() && parameter.get().trim().equalsIgnoreCase(EMBEDDED)) {
            return Optional.empty();
        }
        if (parameter.isPresent()) {
            return Optional.of(new ExternalEndpoint(URI.create(parameter.get().trim()),
                    "the " + PARAMETER + " system property / configuration parameter"));
        }
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(new ExternalEndpoint(URI.create(variable.trim()), "the " + VARIABLE + " environment variable"));
        }
        return Optional.empty();
    }

    /** Real DynamoDB (its own credentials and region), as opposed to an emulator that takes any keys. */
    boolean isAws() {
        String host = uri.getHost();
        return host != null && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"));
    }

    @Override
    public String toString() {
        return uri + " (from " + source + ")";
    }
}
