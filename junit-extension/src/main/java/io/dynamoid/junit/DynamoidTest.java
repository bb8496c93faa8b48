package io.dynamoid.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test class its own in-memory DynamoDB emulator, closed after the class; {@code @Nested} classes share
 * their outer class's. Inject what a test needs by parameter type, or into {@link DynamoidResource} fields:
 * {@code DynamoDbClient}, {@code DynamoDbAsyncClient}, {@code DynamoDbStreamsClient}, {@code Emulator}, the
 * endpoint {@code URI}. With {@code dynamoid-orm} on the test classpath also {@code Dynamoid}, an ORM instance on
 * the class's emulator: it is current on the test thread during the class's tests and
 * {@code @BeforeAll}/{@code @AfterAll} methods, so {@code User.find...} and {@code user.save()} reach this class's
 * emulator, also when classes run in parallel.
 * <pre>{@code
 * @DynamoidTest(models = User.class, reset = Reset.EMPTY_TABLES)
 * class UserTest {
 *     @Test
 *     void saves(DynamoDbClient client, Dynamoid dynamoid) {
 *         new User().save();
 *         assertEquals(1, client.scan(b -> b.tableName(dynamoid.tableName(User.class))).count());
 *     }
 * }
 * }</pre>
 *
 * <p>With the {@code dynamoid.endpoint} system property (or JUnit configuration parameter) or the
 * {@code DYNAMOID_ENDPOINT} environment variable set, no emulator is started: the tests run against that endpoint,
 * each class with a unique table namespace whose tables are deleted after the class.
 *
 * <p>For settings an annotation cannot hold (ORM configuration), register the extension instead:
 * {@code @RegisterExtension static DynamoidExtension dynamo = DynamoidExtension.builder()...build();}
 * Libraries other than the ORM can add their own objects through {@link io.dynamoid.junit.spi.DynamoidIntegration}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DynamoidExtension.class)
public @interface DynamoidTest {
    /** What happens to the tables before each test. */
    Reset reset() default Reset.NONE;

    /**
     * Models whose tables are created before the class's tests (and again after a {@link Reset#DROP_TABLES}), by the
     * integration they belong to: Dynamoid ORM models need {@code dynamoid-orm} on the test classpath.
     */
    Class<?>[] models() default {};

    /**
     * A data directory for a persistent emulator, relative to the working directory; empty for in memory. What the
     * class writes stays there after it (one shared database, as the in-memory emulator has).
     */
    String dataDirectory() default "";
}
