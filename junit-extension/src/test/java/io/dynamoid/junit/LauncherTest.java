package io.dynamoid.junit;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Through junit-platform-launcher, as IDEs and build tools other than Surefire run tests. */
class LauncherTest {

    @Test
    void runsThroughTheLauncher() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TwoMethods.class))
                .configurationParameter(Kit.ENDPOINT, Kit.EMBEDDED)
                .configurationParameter(Fixture.PARAMETER, "true")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        launcher.execute(request, listener);

        TestExecutionSummary summary = listener.getSummary();
        assertEquals(0, summary.getTotalFailureCount(), () -> summary.getFailures().toString());
        assertEquals(2, summary.getTestsSucceededCount());
    }

    @Fixture
    @DynamoidTest(models = Entries.Coin.class)
    static class TwoMethods {
        @Test
        void integrationIsCurrent(Ledger ledger) {
            assertSame(ledger, Ledger.current());
        }

        @Test
        void clientSeesTheModelTable(DynamoDbClient client) {
            assertEquals(java.util.List.of("coin"), Tables.names(client));
        }
    }
}
