package io.dynamoid.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field for injection by {@link DynamoidExtension}: static fields before {@code @BeforeAll}, instance
 * fields when the test instance is created. Supported types: {@code DynamoDbClient}, {@code DynamoDbAsyncClient},
 * {@code DynamoDbStreamsClient}, {@code Emulator}, {@code URI} (the endpoint), and those of the integrations on the
 * classpath, e.g. the ORM's {@code Dynamoid}.
 *
 * <p>Parameters of those types (test, lifecycle and constructor parameters) are injected without it; on a
 * parameter it is optional and only makes an unsupported type an explicit error instead of "no resolver".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface DynamoidResource {
}
