package io.dynamoid.junit;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.junit.spi.ClassSession;
import io.dynamoid.junit.spi.Configurer;
import io.dynamoid.junit.spi.DynamoidIntegration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The extension behind {@link DynamoidTest}; register it programmatically for settings an annotation cannot hold:
 * <pre>{@code
 * @RegisterExtension
 * static DynamoidExtension dynamo = DynamoidExtension.builder()
 *         .models(User.class).reset(Reset.EMPTY_TABLES)
 *         .configure(DynamoidConfig.Builder.class, c -> c.timestamps(false))
 *         .build();
 * }</pre>
 *
 * <p>The extension itself gives SDK clients, the emulator and its endpoint. Libraries add to it through
 * {@link io.dynamoid.junit.spi.DynamoidIntegration} (found by ServiceLoader): the Dynamoid ORM, when on the
 * classpath, adds its {@code Dynamoid} instance, the tables of its models and {@code DynamoidConfig.Builder}
 * settings.
 *
 * <p>Everything a class uses lives in that class's ExtensionContext store (closed by JUnit after the class) and
 * the extension keeps no mutable state, so classes may run in parallel, each with its own emulator. Parameters
 * are injected by type: the supported types are specific enough not to collide with other resolvers. Fields need
 * {@link DynamoidResource}, so the extension never writes a field the test did not hand over.
 *
 * <p>Resets run before each test; they assume the methods of one class do not run concurrently with each other.
 */
public final class DynamoidExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamoidExtension.class);
    private static final String BACKEND = "backend";
    private static final String SCOPE = "scope";
    private static final List<Class<?>> OWN_TYPES = List.of(DynamoDbClient.class, DynamoDbAsyncClient.class,
            DynamoDbStreamsClient.class, Emulator.class, URI.class);
    /** The extension's own types, then the integrations'. */
    private static final List<Class<?>> INJECTABLE = Stream.concat(OWN_TYPES.stream(),
            Integrations.all().stream().flatMap(i -> i.injectableTypes().stream())).distinct().toList();

    /** The builder's settings, or null when registered by {@link DynamoidTest} (whose attributes are read). */
    private final Settings settings;

    /** For {@code @ExtendWith}: settings come from {@link DynamoidTest} on the class or its enclosing classes. */
    public DynamoidExtension() {
        this(null);
    }

    private DynamoidExtension(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings != null && AnnotationSupport.isAnnotated(context.getRequiredTestClass(), DynamoidTest.class)) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName() + " both has @DynamoidTest and"
                    + " registers a DynamoidExtension: use one of them");
        }
        Backend backend = backend(context);
        Settings current = settingsFor(context);
        Integrations.check(current);
        backend.createTables(current.models());
        injectFields(context.getRequiredTestClass(), null, ModifierSupport::isStatic, context);
        openScope(context, backend);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeScope(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Backend backend = backend(context);
        Settings current = settingsFor(context);
        backend.reset(current.reset(), current.models());
        openScope(context, backend);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeScope(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        injectFields(testInstance.getClass(), testInstance, ModifierSupport::isNotStatic, context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return INJECTABLE.contains(parameterContext.getParameter().getType())
                || parameterContext.isAnnotated(DynamoidResource.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return resolve(parameterContext.getParameter().getType(), "parameter [" + parameterContext.getParameter()
                + "] of " + parameterContext.getDeclaringExecutable(), extensionContext);
    }

    private Object resolve(Class<?> type, String target, ExtensionContext context) {
        if (!INJECTABLE.contains(type)) {
            throw new ParameterResolutionException("@DynamoidResource cannot inject " + type.getName() + " into " + target
                    + ": the supported types are " + INJECTABLE.stream().map(Class::getName).collect(Collectors.joining(", ")));
        }
        return resolve(backend(context), type, target);
    }

    private static Object resolve(Backend backend, Class<?> type, String target) {
        if (type == DynamoDbClient.class) {
            return backend.client();
        } else if (type == DynamoDbAsyncClient.class) {
            return backend.asyncClient();
        } else if (type == DynamoDbStreamsClient.class) {
            return backend.streamsClient();
        } else if (type == URI.class) {
            return backend.endpoint().uri();
        } else if (type != Emulator.class) {
            DynamoidIntegration integration = Integrations.injecting(type).orElseThrow();
            return backend.resolve(integration, type);
        } else if (backend.emulator() == null) {
            throw new ParameterResolutionException("Cannot inject the Emulator into " + target + ": the tests run against "
                    + backend.externalEndpoint() + ", so no emulator was started. Inject the endpoint URI or a client"
                    + " instead, or unset " + ExternalEndpoint.PARAMETER + " / " + ExternalEndpoint.VARIABLE + ".");
        }
        return backend.emulator();
    }

    /**
     * For extensions built on this one: what a parameter of {@code type} would receive in this context, once the
     * class's {@code beforeAll} has run; empty before that, outside a {@code @DynamoidTest} class, or for the
     * {@code Emulator} when the tests run against an external endpoint.
     */
    public static <T> Optional<T> lookup(ExtensionContext context, Class<T> type) {
        Backend backend = classContext(context).getStore(NAMESPACE).get(BACKEND, Backend.class);
        if (backend == null || !INJECTABLE.contains(type) || (type == Emulator.class && backend.emulator() == null)) {
            return Optional.empty();
        }
        return Optional.of(type.cast(resolve(backend, type, type.getName())));
    }

    private void injectFields(Class<?> testClass, Object instance, Predicate<Field> which, ExtensionContext context) {
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, DynamoidResource.class, which)) {
            String target = "field " + field.getDeclaringClass().getName() + "." + field.getName();
            if (ModifierSupport.isFinal(field)) {
                throw new ParameterResolutionException("@DynamoidResource cannot inject into final " + target);
            }
            Object value = resolve(field.getType(), target, context);
            try {
                ReflectionSupport.makeAccessible(field).set(instance, value);
            } catch (IllegalAccessException e) {
                throw new ParameterResolutionException("@DynamoidResource could not set " + target, e);
            }
        }
    }

    /**
     * The backend of the outermost class that made one: {@code @Nested} classes find their outer class's through
     * the store's parent lookup; the first class (context) to ask creates it, whichever callback asks first (a
     * PER_CLASS test instance is created before beforeAll).
     */
    private Backend backend(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).computeIfAbsent(BACKEND, key -> startBackend(classContext), Backend.class);
    }

    private Backend startBackend(ExtensionContext classContext) {
        Settings owner = settingsFor(classContext);
        Integrations.check(owner);
        Optional<ExternalEndpoint> external = ExternalEndpoint.of(classContext);
        return external.isPresent() ? Backend.external(owner, external.get()) : Backend.embedded(owner);
    }

    /**
     * This extension's settings for a context: the builder's; or from {@link DynamoidTest}, the nearest class's
     * reset and data directory with the models of every annotated class from the outermost in.
     */
    private Settings settingsFor(ExtensionContext context) {
        return settings != null ? settings : annotatedSettings(context);
    }

    private static Settings annotatedSettings(ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>(context.getEnclosingTestClasses());
        classes.add(context.getRequiredTestClass());
        Settings nearest = Settings.DEFAULTS;
        Set<Class<?>> models = new LinkedHashSet<>();
        for (Class<?> testClass : classes) {
            Optional<DynamoidTest> annotation = AnnotationSupport.findAnnotation(testClass, DynamoidTest.class);
            if (annotation.isPresent()) {
                nearest = Settings.of(annotation.get());
                models.addAll(nearest.models());
            }
        }
        return new Settings(nearest.reset(), List.copyOf(models), nearest.dataDirectory(), nearest.configurers());
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class<?>)) {
            current = current.getParent().orElseThrow(() -> new ExtensionConfigurationException(
                    "DynamoidExtension works on test classes; it was asked outside of one"));
        }
        return current;
    }

    private static void openScope(ExtensionContext context, Backend backend) {
        context.getStore(NAMESPACE).put(SCOPE, new OpenScope(backend.enter()));
    }

    private static void closeScope(ExtensionContext context) {
        OpenScope open = context.getStore(NAMESPACE).remove(SCOPE, OpenScope.class);
        if (open != null) {
            open.scope().close();
        }
    }

    /** Not AutoCloseable on purpose: the store must not close it; after-callbacks do, on the thread that opened it. */
    private record OpenScope(ClassSession.Scope scope) {
    }

    /** Settings for {@code @RegisterExtension}; each built extension is independent and immutable. */
    public static final class Builder {
        private Reset reset = Reset.NONE;
        private final Set<Class<?>> models = new LinkedHashSet<>();
        private Path dataDirectory;
        private final List<Configurer<?>> configurers = new ArrayList<>();

        private Builder() {
        }

        /** What happens to the tables before each test (default {@link Reset#NONE}). */
        public Builder reset(Reset reset) {
            this.reset = Objects.requireNonNull(reset, "reset");
            return this;
        }

        /**
         * Models whose tables are created before the class's tests (and again after {@link Reset#DROP_TABLES}), by
         * the integration they belong to (Dynamoid ORM models: by the ORM).
         */
        public Builder models(Class<?>... models) {
            this.models.addAll(List.of(models));
            return this;
        }

        /** A data directory for a persistent emulator: what the class writes stays there after it. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * Settings for an integration's configuration builder, e.g. the ORM's
         * {@code configure(DynamoidConfig.Builder.class, c -> c.timestamps(false))}. The integration then sets the
         * endpoint, and with an external endpoint the class's namespace. Configurers of a type apply in order.
         */
        public <T> Builder configure(Class<T> type, UnaryOperator<T> configurer) {
            configurers.add(new Configurer<>(type, configurer));
            return this;
        }

        public DynamoidExtension build() {
            return new DynamoidExtension(new Settings(reset, List.copyOf(models), dataDirectory, List.copyOf(configurers)));
        }
    }
}
