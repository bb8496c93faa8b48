package io.dynamoid.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs fixture classes (static nested classes of the tests, which Surefire does not pick up itself) through the
 * Jupiter engine with EngineTestKit. Embedded emulators unless the configuration names an endpoint, whatever
 * DYNAMOID_ENDPOINT says in the environment of this build.
 */
public final class Kit {
    /** The configuration parameter naming an endpoint, and its value for embedded emulators. */
    public static final String ENDPOINT = "dynamoid.endpoint";
    public static final String EMBEDDED = "embedded";

    private Kit() {
    }

    public static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    public static EngineExecutionResults run(Map<String, String> configuration, Class<?>... fixtures) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(ENDPOINT, EMBEDDED);
        parameters.put(Fixture.PARAMETER, "true");
        parameters.putAll(configuration);
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** Parallel classes (the JUnit settings a build would put in junit-platform.properties); methods stay sequential. */
    public static Map<String, String> parallelClasses() {
        return Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "same_thread",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }

    /** Every failure of the run, tests and containers, with its display name. */
    public static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + failure(e))
                .toList();
    }

    public static Throwable failure(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    /** The one failure of the run. */
    public static Throwable onlyFailure(EngineExecutionResults results) {
        List<Event> failed = results.allEvents().failed().list();
        assertEquals(1, failed.size(), () -> "failures: " + failures(results));
        return failure(failed.get(0));
    }

    /** Asserts that nothing failed or aborted and that {@code tests} tests passed. */
    public static void assertAllPassed(EngineExecutionResults results, int tests) {
        assertEquals(List.of(), failures(results));
        assertEquals(0, results.allEvents().aborted().count(), "aborted");
        assertEquals(tests, results.testEvents().succeeded().count(), "tests passed");
    }
}
