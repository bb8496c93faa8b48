package io.dynamoid.orm;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
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
 * One {@link Dynamoid} per test class, current on each test's thread: LOCAL, so an embedded emulator, or the
 * endpoint in {@code DYNAMOID_ENDPOINT} (e.g. dynalite) — the same tests run against both. Each class gets its
 * own namespace, whose tables are deleted afterwards.
 *
 * <p>An operation the endpoint does not implement (UnknownOperationException, e.g. an emulator still being
 * written) aborts the test with that reason: skipped, never failed, never faked.
 */
public final class OrmExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    private final List<Dynamoid> instances = new ArrayList<>();
    private Dynamoid dynamoid;
    private Dynamoid.Scope scope;

    /** The class's instance. */
    public Dynamoid dynamoid() {
        return dynamoid;
    }

    /** A further instance on the same endpoint, with its own namespace and these settings; cleaned up after the class. */
    public Dynamoid another(UnaryOperator<DynamoidConfig.Builder> settings) {
        Dynamoid other = Dynamoid.create(settings.apply(baseConfig(dynamoid.endpoint())).build());
        instances.add(other);
        return other;
    }

    /** Whether the tests run on an embedded emulator (not DYNAMOID_ENDPOINT). */
    public static boolean embedded() {
        return DynamoidConfig.local().endpoint() == null;
    }

    static DynamoidConfig.Builder baseConfig(java.net.URI endpoint) {
        String namespace = "test_" + UUID.randomUUID().toString().substring(0, 8);
        return DynamoidConfig.builder().endpoint(endpoint).namespace(namespace).warnOnScan(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dynamoid = Dynamoid.create(baseConfig(null).build());
        instances.add(dynamoid);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        scope = dynamoid.makeCurrent();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        scope.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (Dynamoid instance : instances) {
            try {
                instance.deleteNamespaceTables();
            } catch (DynamoidException e) {
                // An endpoint without ListTables/DeleteTable: its tables die with the (embedded) emulator.
            } finally {
                instance.close();
            }
        }
        instances.clear();
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
