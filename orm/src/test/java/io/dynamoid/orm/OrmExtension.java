package io.dynamoid.orm;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.junit.DynamoidExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The ORM tests' additions to {@link io.dynamoid.junit.DynamoidTest}, registered after it by {@link OrmTestBase}:
 * the class's {@link Dynamoid} for static helpers (bound to the threads of the class's tests, so parallel classes
 * each see their own), further instances on the same endpoint, cleaned up after the class.
 *
 * <p>An operation the endpoint does not implement (UnknownOperationException, e.g. dynalite's missing
 * transactions) aborts the test with that reason: skipped, never failed, never faked.
 */
public final class OrmExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OrmExtension.class);
    private static final String INSTANCES = "instances";
    private static final String BINDING = "binding";
    /** The class instances of the test running on this thread (and threads it starts). */
    private static final InheritableThreadLocal<ClassInstances> BOUND = new InheritableThreadLocal<>();

    /** The class's instance. */
    public Dynamoid dynamoid() {
        return bound().dynamoid;
    }

    /** A further instance on the same endpoint, with its own namespace and these settings; cleaned up after the class. */
    public Dynamoid another(UnaryOperator<DynamoidConfig.Builder> settings) {
        return bound().another(settings);
    }

    /**
     * Whether the tests run on an embedded emulator (not DYNAMOID_ENDPOINT / dynamoid.endpoint). Exact during a
     * class's tests; elsewhere read from the environment as the extension does.
     */
    public static boolean embedded() {
        ClassInstances bound = BOUND.get();
        if (bound != null) {
            return bound.embedded;
        }
        String property = System.getProperty("dynamoid.endpoint");
        if (property != null && !property.isBlank()) {
            return property.trim().equalsIgnoreCase("embedded");
        }
        return DynamoidConfig.local().endpoint() == null;
    }

    private static ClassInstances bound() {
        ClassInstances bound = BOUND.get();
        if (bound == null) {
            throw new IllegalStateException("No ORM test class is running on this thread: OrmTestBase's instances exist"
                    + " during its tests and @BeforeAll/@AfterAll methods");
        }
        return bound;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        bind(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        bind(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        unbind(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        unbind(context);
    }

    /** The class's instances (an outer class's for @Nested classes), made when its beforeAll first asks. */
    private static void bind(ExtensionContext context) {
        ClassInstances instances = context.getStore(NAMESPACE).getOrComputeIfAbsent(INSTANCES, key -> new ClassInstances(
                DynamoidExtension.lookup(context, Dynamoid.class).orElseThrow(() -> new ExtensionConfigurationException(
                        "OrmExtension needs @DynamoidTest on the class (with dynamoid-orm on the classpath), registered before it")),
                DynamoidExtension.lookup(context, Emulator.class).isPresent()), ClassInstances.class);
        context.getStore(NAMESPACE).put(BINDING, new Binding(BOUND.get()));
        BOUND.set(instances);
    }

    private static void unbind(ExtensionContext context) {
        Binding binding = context.getStore(NAMESPACE).remove(BINDING, Binding.class);
        if (binding != null) {
            BOUND.set(binding.previous());
        }
    }

    /** What was bound before; not AutoCloseable, so that the store leaves it alone. */
    private record Binding(ClassInstances previous) {
    }

    /** The class's instance and the further ones its tests made; closed by JUnit with the class's store. */
    private static final class ClassInstances implements AutoCloseable {
        private final Dynamoid dynamoid;
        private final boolean embedded;
        private final List<Dynamoid> others = new ArrayList<>();

        ClassInstances(Dynamoid dynamoid, boolean embedded) {
            this.dynamoid = dynamoid;
            this.embedded = embedded;
        }

        synchronized Dynamoid another(UnaryOperator<DynamoidConfig.Builder> settings) {
            String namespace = "test_" + UUID.randomUUID().toString().substring(0, 8);
            Dynamoid other = Dynamoid.create(settings.apply(dynamoid.config().toBuilder().namespace(namespace).warnOnScan(false)).build());
            others.add(other);
            return other;
        }

        @Override
        public synchronized void close() {
            for (Dynamoid other : others) {
                try {
                    if (!other.config().namespace().isEmpty()) {
                        other.deleteNamespaceTables();
                    }
                } catch (DynamoidException e) {
                    // An endpoint without ListTables/DeleteTable: its tables die with the (embedded) emulator.
                } finally {
                    other.close();
                }
            }
            others.clear();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw skippedIfUnknownOperation(throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw skippedIfUnknownOperation(throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw skippedIfUnknownOperation(throwable);
    }

    /** A TestAbortedException naming the missing operation, or the throwable itself. */
    static Throwable skippedIfUnknownOperation(Throwable throwable) {
        String what = null;
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof DynamoidException) {
                what = t.getMessage(); // names the operation and table
            }
            if (t instanceof AwsServiceException e && e.awsErrorDetails() != null
                    && "UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                return new TestAbortedException("The endpoint does not implement an operation this test needs: "
                        + (what != null ? what : e.getMessage()), throwable);
            }
        }
        return throwable;
    }
}
