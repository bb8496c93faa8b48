package io.dynamoid.orm;

import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Tests against a live endpoint: see {@link OrmExtension}. */
public abstract class OrmTestBase {
    @RegisterExtension
    protected static final OrmExtension orm = new OrmExtension();

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
