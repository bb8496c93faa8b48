package io.dynamoid.junit.spi;

import java.util.List;

/**
 * What a library built on DynamoDB (the Dynamoid ORM, for one) adds to {@code @DynamoidTest}: objects to inject,
 * "models" whose tables it creates up front, configuration for its own builder. Found with
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.dynamoid.junit.spi.DynamoidIntegration}. The extension keeps one instance per
 * class loader and calls {@link #open} once per test class, so an implementation holds no per-class state.
 */
public interface DynamoidIntegration {

    /**
     * The types it injects into parameters and {@code @DynamoidResource} fields; none the extension injects itself
     * (SDK clients, {@code Emulator}, {@code URI}).
     */
    List<Class<?>> injectableTypes();

    /** Whether it creates the table of this class when a test class lists it in {@code models}. */
    boolean isModel(Class<?> type);

    /** The builder types that {@code DynamoidExtension.Builder#configure} may configure for it. */
    List<Class<?>> configurableTypes();

    /**
     * Its part of one test class (shared with the class's {@code @Nested} classes) on this endpoint, closed after
     * the class. Should be cheap: do the expensive work when first asked for it.
     *
     * @param configurers those the test class registered for one of {@link #configurableTypes()}, in order
     */
    ClassSession open(TestEndpoint endpoint, List<Configurer<?>> configurers);
}
