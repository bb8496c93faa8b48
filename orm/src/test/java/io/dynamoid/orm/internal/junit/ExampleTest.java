package io.dynamoid.orm.internal.junit;

import io.dynamoid.junit.DynamoidTest;
import io.dynamoid.junit.Reset;
import io.dynamoid.orm.Dynamoid;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The extension with the ORM as a project uses them: annotated test classes run by Surefire itself (not through the
 * test kit).
 * Under {@code DYNAMOID_ENDPOINT} this class runs against that endpoint instead.
 */
@DynamoidTest(models = Thing.class, reset = Reset.EMPTY_TABLES)
class ExampleTest {

    @Test
    void savedModelIsFoundThroughTheStaticApi() {
        Thing saved = Thing.named("example").saveOrThrow();

        assertEquals("example", Thing.find.byId(saved.getId()).name);
    }

    @Test
    void modelTableIsThereFromTheStart(DynamoDbClient client, Dynamoid dynamoid) {
        assertEquals("ACTIVE", client.describeTable(b -> b.tableName(dynamoid.tableName(Thing.class))).table().tableStatusAsString());
    }

    @Nested
    class WhenNested {
        @Test
        void startsFromEmptyTables(DynamoDbClient client, Dynamoid dynamoid) {
            assertEquals(0, client.describeTable(b -> b.tableName(dynamoid.tableName(Thing.class))).table().itemCount());
        }
    }
}
