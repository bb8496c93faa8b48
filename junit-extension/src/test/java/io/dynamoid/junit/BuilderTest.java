package io.dynamoid.junit;

import io.dynamoid.orm.Dynamoid;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuilderTest {

    @Test
    void registeredExtensionCreatesModelTablesResetsAndConfiguresTheOrm() {
        Kit.assertAllPassed(Kit.run(Registered.class), 2);
    }

    @Test
    void annotationAndRegisteredExtensionTogetherAreRefused() {
        Throwable failure = Kit.onlyFailure(Kit.run(Both.class));

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("io.dynamoid.junit.BuilderTest$Both both has @DynamoidTest and registers a DynamoidExtension: use one of them",
                failure.getMessage());
    }

    @Test
    void dataDirectoryIsPassedToTheEmulatorWhoseRefusalFailsTheClass() {
        Throwable failure = Kit.onlyFailure(Kit.run(RegisteredWithDataDirectory.class));

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("The embedded DynamoDB emulator did not start with data directory build/dynamo-data: A data directory"
                + " (dbPath) is not supported yet: the emulator runs in memory only", failure.getMessage());
        assertInstanceOf(UnsupportedOperationException.class, failure.getCause());
    }

    @Test
    void dataDirectoryOfTheAnnotationIsPassedToTheEmulatorToo() {
        Throwable failure = Kit.onlyFailure(Kit.run(AnnotatedWithDataDirectory.class));

        assertTrue(failure.getMessage().startsWith("The embedded DynamoDB emulator did not start with data directory build/dynamo-data:"),
                failure.getMessage());
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Registered {
        @RegisterExtension
        static final DynamoidExtension dynamo = DynamoidExtension.builder()
                .models(Thing.class)
                .reset(Reset.EMPTY_TABLES)
                .config(c -> c.timestamps(false))
                .build();

        @Test
        @Order(1)
        void write(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(List.of("dynamoid_things"), Tables.names(client));
            assertFalse(dynamoid.config().timestamps());
            Thing thing = Thing.named("first").save();
            assertNull(thing.getCreatedAt(), "timestamps are off");
        }

        @Test
        @Order(2)
        void emptiedBeforeThisTest(DynamoDbClient client) {
            assertEquals(0, client.describeTable(b -> b.tableName("dynamoid_things")).table().itemCount());
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
        static final DynamoidExtension dynamo = DynamoidExtension.builder().dataDirectory(Path.of("build/dynamo-data")).build();

        @Test
        void test() {
        }
    }

    @Fixture
    @DynamoidTest(dataDirectory = "build/dynamo-data")
    static class AnnotatedWithDataDirectory {
        @Test
        void test() {
        }
    }
}
