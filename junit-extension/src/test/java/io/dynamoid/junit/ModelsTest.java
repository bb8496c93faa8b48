package io.dynamoid.junit;

import io.dynamoid.orm.Dynamoid;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelsTest {

    @Test
    void tablesOfDeclaredModelsExistBeforeTheFirstTest() {
        Kit.assertAllPassed(Kit.run(DeclaresModels.class), 1);
    }

    @Test
    void staticStyleOrmApiReachesTheClassEmulator() {
        Kit.assertAllPassed(Kit.run(UsesStaticApi.class), 1);
    }

    @Fixture
    @DynamoidTest(models = {Thing.class, Gadget.class})
    static class DeclaresModels {
        @Test
        void tablesExist(DynamoDbClient client) {
            assertEquals(List.of("dynamoid_gadgets", "dynamoid_things"), Tables.names(client));
        }
    }

    @Fixture
    @DynamoidTest(models = Thing.class)
    static class UsesStaticApi {
        @Test
        void savesAndFinds(DynamoDbClient client, Dynamoid dynamoid) {
            Thing saved = Thing.named("widget").saveOrThrow();

            assertEquals("widget", Thing.find.byId(saved.getId()).name);
            assertEquals(1, client.describeTable(b -> b.tableName(dynamoid.tableName(Thing.class))).table().itemCount());
        }
    }
}
