package io.dynamoid.junit;

import io.dynamoid.emulator.Emulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectionTest {
    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void injectsEverySupportedParameterTypeAllOnTheClassEmulator() {
        Kit.assertAllPassed(Kit.run(TakesEveryType.class), 1);
    }

    @Test
    void injectsConstructorParameters() {
        Kit.assertAllPassed(Kit.run(TakesConstructorParameters.class), 1);
    }

    @Test
    void injectsAnnotatedStaticAndInstanceFields() {
        Kit.assertAllPassed(Kit.run(HasFields.class), 1);
    }

    @Test
    void injectsIntoAPerClassInstanceCreatedBeforeBeforeAll() {
        Kit.assertAllPassed(Kit.run(PerClassInstance.class), 1);
    }

    @Test
    void sameInstancesForEveryTestOfAClass() {
        Kit.assertAllPassed(Kit.run(TwoMethods.class), 2);
        List<?> first = (List<?>) seen.get("first");
        List<?> second = (List<?>) seen.get("second");
        assertSame(first.get(0), second.get(0));
        assertSame(first.get(1), second.get(1));
    }

    @Test
    void annotatedParameterOfAnUnsupportedTypeFailsNamingTheSupportedTypes() {
        Throwable failure = Kit.onlyFailure(Kit.run(AsksForAString.class));

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertTrue(failure.getMessage().startsWith("@DynamoidResource cannot inject java.lang.String into parameter [java.lang.String name]"
                + " of void io.dynamoid.junit.InjectionTest$AsksForAString.test(java.lang.String): the supported types are"
                + " software.amazon.awssdk.services.dynamodb.DynamoDbClient, software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient,"
                + " software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient, io.dynamoid.emulator.Emulator, java.net.URI,"
                + " io.dynamoid.junit.Ledger"), failure.getMessage());
    }

    @Test
    void plainParameterOfAnUnsupportedTypeIsLeftToOtherResolvers() {
        Throwable failure = Kit.onlyFailure(Kit.run(AsksForAPlainString.class));

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertTrue(failure.getMessage().startsWith("No ParameterResolver registered for parameter [java.lang.String name]"), failure.getMessage());
    }

    @Test
    void annotatedFieldOfAnUnsupportedTypeFails() {
        Throwable failure = Kit.onlyFailure(Kit.run(HasAStringField.class));

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertTrue(failure.getMessage().startsWith("@DynamoidResource cannot inject java.lang.String into field"
                + " io.dynamoid.junit.InjectionTest$HasAStringField.name: the supported types are"), failure.getMessage());
    }

    @Test
    void annotatedFinalFieldFails() {
        Throwable failure = Kit.onlyFailure(Kit.run(HasAFinalField.class));

        assertInstanceOf(ParameterResolutionException.class, failure);
        assertEquals("@DynamoidResource cannot inject into final field io.dynamoid.junit.InjectionTest$HasAFinalField.client",
                failure.getMessage());
    }

    @Test
    void extensionsBuiltOnTopLookUpWhatAParameterWouldReceive() {
        Kit.assertAllPassed(Kit.run(LooksUp.class, LooksUpWithoutTheAnnotation.class), 2);

        assertEquals(Optional.empty(), seen.get(LooksUpWithoutTheAnnotation.class.getSimpleName()));
    }

    /** What another extension, registered after DynamoidExtension, sees through {@link DynamoidExtension#lookup}. */
    static final class LooksUpBeforeEach implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            String key = context.getRequiredTestClass().getSimpleName();
            seen.put(key, DynamoidExtension.lookup(context, Ledger.class));
            seen.put(key + " emulator", DynamoidExtension.lookup(context, Emulator.class));
            seen.put(key + " string", DynamoidExtension.lookup(context, String.class));
        }
    }

    @Fixture
    @DynamoidTest
    @ExtendWith(LooksUpBeforeEach.class)
    static class LooksUp {
        @Test
        void test(Ledger ledger, Emulator emulator) {
            assertEquals(Optional.of(ledger), seen.get("LooksUp"));
            assertEquals(Optional.of(emulator), seen.get("LooksUp emulator"));
            assertEquals(Optional.empty(), seen.get("LooksUp string"), "not an injectable type");
        }
    }

    @Fixture
    @ExtendWith(LooksUpBeforeEach.class)
    static class LooksUpWithoutTheAnnotation {
        @Test
        void test() {
        }
    }

    @Fixture
    @DynamoidTest
    static class TakesEveryType {
        @Test
        void test(DynamoDbClient client, DynamoDbAsyncClient asyncClient, DynamoDbStreamsClient streamsClient,
                  Emulator emulator, URI endpoint, Ledger ledger) {
            assertEquals(emulator.endpoint(), endpoint);
            assertEquals(endpoint, ledger.endpoint().uri(), "the integration's session is on the class's emulator");
            assertEquals(Optional.of(endpoint), client.serviceClientConfiguration().endpointOverride());
            assertEquals(Optional.of(endpoint), streamsClient.serviceClientConfiguration().endpointOverride());

            Tables.create(client, "made_with_sync");
            assertEquals("made_with_sync", asyncClient.describeTable(b -> b.tableName("made_with_sync")).join().table().tableName());
        }
    }

    @Fixture
    @DynamoidTest
    static class TakesConstructorParameters {
        private final DynamoDbClient client;
        private final URI endpoint;

        TakesConstructorParameters(DynamoDbClient client, URI endpoint) {
            this.client = client;
            this.endpoint = endpoint;
        }

        @Test
        void test(Emulator emulator) {
            assertEquals(emulator.endpoint(), endpoint);
            assertEquals(Optional.of(endpoint), client.serviceClientConfiguration().endpointOverride());
        }
    }

    @Fixture
    @DynamoidTest
    static class HasFields {
        @DynamoidResource
        static Emulator emulator;
        @DynamoidResource
        private DynamoDbClient client;
        @DynamoidResource
        private Ledger ledger;
        /** Not annotated: left alone even though its type is supported. */
        private URI untouched;

        @Test
        void test(URI endpoint, DynamoDbClient injected, Ledger injectedLedger) {
            assertEquals(endpoint, emulator.endpoint());
            assertSame(injected, client);
            assertSame(injectedLedger, ledger);
            assertEquals(null, untouched);
        }
    }

    @Fixture
    @DynamoidTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {
        private final Ledger fromConstructor;
        @DynamoidResource
        private DynamoDbClient client;

        PerClassInstance(Ledger ledger) {
            this.fromConstructor = ledger;
        }

        @Test
        void test(Ledger ledger, DynamoDbClient injected) {
            assertSame(ledger, fromConstructor);
            assertSame(injected, client);
            assertSame(ledger, Ledger.current());
        }
    }

    @Fixture
    @DynamoidTest
    static class TwoMethods {
        @Test
        void first(Ledger ledger, DynamoDbClient client) {
            seen.put("first", List.of(ledger, client));
        }

        @Test
        void second(Ledger ledger, DynamoDbClient client) {
            seen.put("second", List.of(ledger, client));
        }
    }

    @Fixture
    @DynamoidTest
    static class AsksForAString {
        @Test
        void test(@DynamoidResource String name) {
        }
    }

    @Fixture
    @DynamoidTest
    static class AsksForAPlainString {
        @Test
        void test(String name) {
        }
    }

    @Fixture
    @DynamoidTest
    static class HasAStringField {
        @DynamoidResource
        String name;

        @Test
        void test() {
        }
    }

    @Fixture
    @DynamoidTest
    static class HasAFinalField {
        @DynamoidResource
        final DynamoDbClient client = null;

        @Test
        void test() {
            assertNotNull(client);
        }
    }
}
