/**
 * How libraries plug into {@code @DynamoidTest} without the extension depending on them: a
 * {@link io.dynamoid.junit.spi.DynamoidIntegration} found by {@link java.util.ServiceLoader} opens a
 * {@link io.dynamoid.junit.spi.ClassSession} per test class on its {@link io.dynamoid.junit.spi.TestEndpoint}.
 */
package io.dynamoid.junit.spi;
