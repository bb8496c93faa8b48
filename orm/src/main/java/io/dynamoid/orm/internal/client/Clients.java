package io.dynamoid.orm.internal.client;

import io.dynamoid.orm.DynamoidConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;

/** Builds the SDK client a configuration asks for: the same code for LOCAL and AWS, only endpoint and keys differ. */
public final class Clients {
    private Clients() {
    }

    /** A client for {@code endpoint} (null: the region's own) with request logging. */
    public static DynamoDbClient create(DynamoidConfig config, URI endpoint) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new RequestLogging()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(DynamoidConfig config) {
        if (config.accessKey() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        }
        if (config.adapter() == DynamoidConfig.Adapter.LOCAL) {
            // An emulator checks only that keys are present; these name the database of this ORM's tables.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("dynamoid", "dynamoid"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
