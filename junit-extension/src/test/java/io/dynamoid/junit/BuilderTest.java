package io.dynamoid.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import io.dynamoid.emulator.Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class BuilderTest {

    @Test
    void registeredExtensionCreatesModelTablesResetsAndConfiguresTheIntegration() {
        Kit.assertAllPassed(Kit.run(Registered.class), 2);
    }

    @Test
    void configurerOfATypeNoIntegrationTakesIsRefusedNamingIt() {
        Throwable failure = Kit.onlyFailure(Kit.run(ConfiguresNobody.class));

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("No integration on the classpath takes configuration of type java.lang.StringBuilder:"
                + " io.dynamoid.junit.LedgerIntegration is there. The Dynamoid ORM's DynamoidConfig.Builder needs"
                + " io.dynamoid:dynamoid-orm on the test classpath.", failure.getMessage());
    }

    @Test
    void annotationAndRegisteredExtensionTogetherAreRefused() {
        Throwable failure = Kit.onlyFailure(Kit.run(Both.class));

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("io.dynamoid.junit.BuilderTest$Both both has @DynamoidTest and registers a DynamoidExtension: use one of them",
                failure.getMessage());
    }

    @Test
    void dataDirectoryOfTheBuilderKeepsTheClassesDataOnDisk() throws IOException {
        Path directory = fresh(REGISTERED_DATA);
        Kit.assertAllPassed(Kit.run(RegisteredWithDataDirectory.class), 1);
        assertEquals("kept", readBack(directory));
    }

    @Test
    void dataDirectoryOfTheAnnotationKeepsTheClassesDataOnDisk() throws IOException {
        Path directory = fresh(ANNOTATED_DATA);
        Kit.assertAllPassed(Kit.run(AnnotatedWithDataDirectory.class), 1);
        assertEquals("kept", readBack(directory));
    }

    private static final String REGISTERED_DATA = "target/junit-data-registered";
    private static final String ANNOTATED_DATA = "target/junit-data-annotated";

    private static Path fresh(String directory) throws IOException {
        Path path = Path.of(directory);
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return path;
    }

    /** Opens the directory with a new emulator, after the class's emulator closed, and reads the item back. */
    private static String readBack(Path directory) {
        try (Emulator emulator = Emulator.builder().sharedDb(true).dbPath(directory).start();
             DynamoDbClient client = DynamoDbClient.builder()
                     .endpointOverride(emulator.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                     .build()) {
            return client.getItem(r -> r.tableName("kept_table").key(Map.of("id", AttributeValue.fromS("one"))))
                    .item().get("value").s();
        }
    }

    /** What a fixture with a data directory writes: one table, one item. */
    static void writeOneItem(DynamoDbClient client) {
        client.createTable(r -> r.tableName("kept_table").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        client.putItem(r -> r.tableName("kept_table").item(Map.of("id", AttributeValue.fromS("one"),
                "value", AttributeValue.fromS("kept"))));
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Registered {
        @RegisterExtension
        static final DynamoidExtension dynamo = DynamoidExtension.builder()
                .models(Entries.Coin.class)
                .reset(Reset.EMPTY_TABLES)
                .configure(Ledger.Settings.class, s -> new Ledger.Settings(s.label() + ", configured"))
                .configure(Ledger.Settings.class, s -> new Ledger.Settings(s.label() + " twice"))
                .build();

        @Test
        @Order(1)
        void write(DynamoDbClient client, Ledger ledger) {
            assertEquals(List.of("coin"), Tables.names(client));
            assertEquals("plain, configured twice", ledger.label());
            Tables.put(client, "coin", "1", "gone");
        }

        @Test
        @Order(2)
        void emptiedBeforeThisTest(DynamoDbClient client) {
            assertEquals(null, Tables.get(client, "coin", "1"));
        }
    }

    @Fixture
    static class ConfiguresNobody {
        @RegisterExtension
        static final DynamoidExtension dynamo = DynamoidExtension.builder()
                .configure(StringBuilder.class, b -> b.append("x"))
                .build();

        @Test
        void test() {
        }
    }

    @Fixture
    @DynamoidTest
    static class Both {
        @RegisterExtension
        static final DynamoidExtension dynamo = DynamoidExtension.builder().build();

        @Test
        void test() {
        }
    }

    @Fixture
    static class RegisteredWithDataDirectory {
        @RegisterExtension
        static final DynamoidExtension dynamo = DynamoidExtension.builder().dataDirectory(Path.of(REGISTERED_DATA)).build();

        @Test
        void test(DynamoDbClient client) {
            writeOneItem(client);
        }
    }

    @Fixture
    @DynamoidTest(dataDirectory = ANNOTATED_DATA)
    static class AnnotatedWithDataDirectory {
        @Test
        void test(DynamoDbClient client) {
            writeOneItem(client);
        }
    }
}
