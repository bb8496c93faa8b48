package io.dynamoid.orm;

import io.dynamoid.junit.DynamoidTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Tests against a live endpoint: {@link DynamoidTest} gives each class its own embedded emulator (or, with
 * {@code DYNAMOID_ENDPOINT} set, a namespace of its own on that endpoint, deleted afterwards) and its
 * {@link Dynamoid}, current on each test's thread. {@link OrmExtension} adds further instances and skips tests that
 * need an operation the endpoint lacks. A subclass may add {@code @DynamoidTest(models = ..., reset = ...)}.
 */
@DynamoidTest
public abstract class OrmTestBase {
    @RegisterExtension
    protected static final OrmExtension orm = new OrmExtension();

    /** The class's instance. */
    protected static Dynamoid dynamoid() {
        return orm.dynamoid();
    }

    protected static DynamoDbClient client() {
        return orm.dynamoid().client();
    }

    /** The stored item, read with the plain SDK (what is really in the table), or null. */
    protected static Map<String, AttributeValue> storedItem(Class<? extends Model<?>> model, Map<String, AttributeValue> key) {
        var response = client().getItem(b -> b.tableName(dynamoid().tableName(model)).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    protected static Map<String, AttributeValue> idKey(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
