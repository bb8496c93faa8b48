package io.dynamoid.junit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ModelsTest {

    @Test
    void integrationCreatesTheTablesOfItsModelsBeforeTheFirstTest() {
        Kit.assertAllPassed(Kit.run(DeclaresModels.class), 1);
    }

    @Test
    void modelNoIntegrationTakesFailsTheClassNamingTheOrmArtifact() {
        Throwable failure = Kit.onlyFailure(Kit.run(DeclaresAnOrmLessModel.class));

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("No integration on the classpath creates tables for the models java.lang.String:"
                + " io.dynamoid.junit.LedgerIntegration is there. Models of the Dynamoid ORM need"
                + " io.dynamoid:dynamoid-orm on the test classpath.", failure.getMessage());
    }

    @Fixture
    @DynamoidTest(models = {Entries.Coin.class, Entries.Note.class})
    static class DeclaresModels {
        @Test
        void tablesExist(DynamoDbClient client, Ledger ledger) {
            assertEquals(List.of("coin", "note"), Tables.names(client));
            assertEquals(List.of("create [Coin, Note]"), ledger.events());
        }
    }

    /** Stands for a model of a library that is not on the classpath. */
    @Fixture
    @DynamoidTest(models = String.class)
    static class DeclaresAnOrmLessModel {
        @Test
        void test() {
        }
    }
}
