package io.dynamoid.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Emulators started with {@code sharedWorker(true)}: one thread pool for all, each still its own server and data. */
class SharedWorkerTest {

    @Test
    void emulatorsOnTheSharedWorkerKeepTheirOwnTables() {
        try (Emulator first = Emulator.builder().sharedWorker(true).start();
             Emulator second = Emulator.builder().sharedWorker(true).start();
             DynamoDbClient firstClient = client(first);
             DynamoDbClient secondClient = client(second)) {
            createTable(firstClient, "only_in_first");
            createTable(secondClient, "only_in_second");

            assertEquals(List.of("only_in_first"), firstClient.listTables().tableNames());
            assertEquals(List.of("only_in_second"), secondClient.listTables().tableNames());
        }
    }

    @Test
    void closingOneLeavesTheOthersServing() {
        try (Emulator staying = Emulator.builder().sharedWorker(true).start();
             DynamoDbClient client = client(staying)) {
            Emulator.builder().sharedWorker(true).start().close();

            createTable(client, "after_the_other_closed");

            assertEquals(List.of("after_the_other_closed"), client.listTables().tableNames());
        }
    }

    @Test
    void emulatorsShareOnePoolOfIoThreads() {
        List<Emulator> emulators = new ArrayList<>();
        try {
            emulators.add(Emulator.builder().sharedWorker(true).start());
            long ioThreads = sharedIoThreads();
            for (int i = 0; i < 3; i++) {
                emulators.add(Emulator.builder().sharedWorker(true).start());
            }

            assertEquals(Math.max(2, Runtime.getRuntime().availableProcessors()), ioThreads);
            assertEquals(ioThreads, sharedIoThreads(), "no new I/O threads for further emulators");
        } finally {
            emulators.forEach(Emulator::close);
        }
    }

    /** XNIO names a worker's I/O threads "<worker name> I/O-<n>". */
    private static long sharedIoThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("dynamoid-emulators I/O-")).count();
    }

    private static DynamoDbClient client(Emulator emulator) {
        return DynamoDbClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST"));
    }
}
