package io.dynamoid.junit.spi;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;

/**
 * Where a test class's requests go and under which names its tables live.
 *
 * @param uri       the endpoint
 * @param region    the region to sign requests for
 * @param aws       real DynamoDB (an amazonaws.com host): the default credentials chain; otherwise an emulator,
 *                  which takes any keys
 * @param embedded  the class's own emulator, started by the extension (everything in it belongs to the class)
 * @param namespace on an endpoint shared with others, the prefix no other class uses: every table of the class is
 *                  named {@code namespace + "_" + name}, and the extension deletes them after the class; empty
 *                  for an embedded emulator
 */
public record TestEndpoint(URI uri, String region, boolean aws, boolean embedded, String namespace) {
    /** The keys of emulator clients (the Dynamoid ORM's LOCAL adapter uses the same). */
    public static final String EMULATOR_KEY = "dynamoid";

    /** The credentials of the extension's clients: AWS's default chain for real DynamoDB, fixed keys for an emulator. */
    public AwsCredentialsProvider credentials() {
        return aws ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(EMULATOR_KEY, EMULATOR_KEY));
    }

    /** What the names of the class's tables start with: {@code namespace_}, or nothing for an embedded emulator. */
    public String tablePrefix() {
        return namespace.isEmpty() ? "" : namespace + "_";
    }

    @Override
    public String toString() {
        return (embedded ? "embedded emulator at " : "endpoint ") + uri + (namespace.isEmpty() ? "" : ", namespace " + namespace);
    }
}
