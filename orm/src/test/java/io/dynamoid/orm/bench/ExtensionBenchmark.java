package io.dynamoid.orm.bench;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.junit.DynamoidTest;
import io.dynamoid.junit.Fixture;
import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * 50 test classes in one launcher run, each with its own embedded emulator, against the same 50 on one shared
 * endpoint (an emulator started here: each class then gets a namespace whose tables are deleted after it).
 * Per-class overhead = the class container's time minus its tests' time: what the extension (and JUnit) add per
 * class. Also times bare {@code Emulator.start()}/{@code close()} and {@code Dynamoid.create} in process. Wall
 * times on a shared machine include waiting for a core; the process CPU time per class does not.
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -pl orm -am -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Dorg.jboss.logging.provider=slf4j -cp "orm/target/test-classes:orm/target/classes:$(cat /tmp/cp.txt)" io.dynamoid.orm.bench.ExtensionBenchmark [rounds]
 * </pre>
 */
public final class ExtensionBenchmark {
    private static final int STARTS = 200;

    private ExtensionBenchmark() {
    }

    public static void main(String[] args) {
        // Before any logger exists: the ORM's per-request log (on in this module's tests) would be timed too.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.dynamoid.orm.requests", "warn");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf(Locale.ROOT, "cores=%d, java=%s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        emulatorStarts("own worker", false);
        emulatorStarts("shared worker (as the extension starts them)", true);
        ormCreation();
        try (Emulator shared = Emulator.builder().sharedDb(true).start()) {
            for (int round = 1; round <= rounds; round++) {
                String label = round == 1 ? "cold" : "warm";
                run("round " + round + " (" + label + "), own emulator, no models", BARE, Map.of("dynamoid.endpoint", "embedded"));
                run("round " + round + " (" + label + "), shared endpoint, no models", BARE, Map.of("dynamoid.endpoint", shared.endpoint().toString()));
                run("round " + round + " (" + label + "), own emulator, 1 model table", WITH_MODEL, Map.of("dynamoid.endpoint", "embedded"));
                run("round " + round + " (" + label + "), shared endpoint, 1 model table", WITH_MODEL, Map.of("dynamoid.endpoint", shared.endpoint().toString()));
            }
        }
    }

    private static void emulatorStarts(String label, boolean sharedWorker) {
        for (int i = 0; i < 50; i++) {
            Emulator.builder().sharedWorker(sharedWorker).start().close();
        }
        long[] starts = new long[STARTS];
        long[] closes = new long[STARTS];
        long cpu0 = processCpuNanos();
        for (int i = 0; i < STARTS; i++) {
            long t0 = System.nanoTime();
            Emulator emulator = Emulator.builder().sharedWorker(sharedWorker).start();
            long t1 = System.nanoTime();
            emulator.close();
            closes[i] = System.nanoTime() - t1;
            starts[i] = t1 - t0;
        }
        long cpu = processCpuNanos() - cpu0;
        System.out.printf(Locale.ROOT, "Emulator start x%d, %s (after 50 warm-up): %s; close(): %s; process CPU per start+close %.2f ms%n",
                STARTS, label, stats(starts), stats(closes), cpu / 1e6 / STARTS);
    }

    private static void ormCreation() {
        try (Emulator emulator = Emulator.start()) {
            DynamoidConfig config = DynamoidConfig.forEndpoint(emulator.endpoint()).build();
            for (int i = 0; i < 20; i++) {
                Dynamoid.create(config).close();
            }
            long[] creates = new long[100];
            for (int i = 0; i < creates.length; i++) {
                long t0 = System.nanoTime();
                Dynamoid dynamoid = Dynamoid.create(config);
                creates[i] = System.nanoTime() - t0;
                dynamoid.close();
            }
            System.out.printf(Locale.ROOT, "Dynamoid.create (its SDK client) x%d: %s%n", creates.length, stats(creates));
        }
    }

    private static void run(String label, List<Class<?>> classes, Map<String, String> configuration) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .configurationParameters(configuration)
                .configurationParameter(Fixture.PARAMETER, "true")
                .build();
        Timings timings = new Timings();
        Launcher launcher = LauncherFactory.create();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        launcher.execute(request, timings);
        long total = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        if (!timings.failures.isEmpty()) {
            throw new IllegalStateException(label + ": " + timings.failures);
        }
        long[] overheads = timings.classOverheads();
        System.out.printf(Locale.ROOT, "%-48s %d classes in %6.1f ms (%5.2f ms/class, CPU %5.2f ms/class); per-class overhead %s%n",
                label, overheads.length, total / 1e6, total / 1e6 / overheads.length, cpu / 1e6 / overheads.length, stats(overheads));
    }

    /** CPU time of every thread of this JVM: what the machine's other load does not inflate, unlike wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "median %.2f ms, p99 %.2f ms, mean %.2f ms", median, p99, mean);
    }

    /** Start and finish times of classes and tests, by unique id. */
    private static final class Timings implements TestExecutionListener {
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final Map<String, Long> classTimes = new ConcurrentHashMap<>();
        private final Map<String, Long> testTimes = new ConcurrentHashMap<>();
        private final Map<String, String> parents = new ConcurrentHashMap<>();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), System.nanoTime());
            id.getParentId().ifPresent(p -> parents.put(id.getUniqueId(), p));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            long elapsed = System.nanoTime() - started.get(id.getUniqueId());
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("?"));
            }
            if (id.isTest()) {
                testTimes.put(id.getUniqueId(), elapsed);
            } else if (id.getSource().filter(s -> s instanceof org.junit.platform.engine.support.descriptor.ClassSource).isPresent()) {
                classTimes.put(id.getUniqueId(), elapsed);
            }
        }

        long[] classOverheads() {
            return classTimes.entrySet().stream().mapToLong(c -> c.getValue() - testTimes.entrySet().stream()
                    .filter(t -> c.getKey().equals(parents.get(t.getKey()))).mapToLong(Map.Entry::getValue).sum()).toArray();
        }
    }

    public static class Widget extends Model<Widget> {
        public static final Finder<Widget> find = Finder.of(Widget.class);
        public String name;
    }

    /**
     * Two small tests: one through the SDK client, one through the ORM's current instance. Fixtures: skipped when a
     * build selects them by a package pattern, run here with the fixtures parameter.
     */
    @Fixture
    public abstract static class Bare {
        @Test
        void client(DynamoDbClient client) {
            client.listTables();
        }

        @Test
        void orm() {
            Dynamoid.current().namespaceTables();
        }
    }

    @DynamoidTest
    public abstract static class BareClass extends Bare {
    }

    @DynamoidTest(models = Widget.class)
    public abstract static class ModelClass extends Bare {
        @Test
        void saves() {
            Widget widget = new Widget();
            widget.name = "w";
            widget.save();
        }
    }

    // 50 classes of each kind: JUnit runs each selected class once, so they must be distinct classes.
    public static class B00 extends BareClass {} public static class B01 extends BareClass {} public static class B02 extends BareClass {}
    public static class B03 extends BareClass {} public static class B04 extends BareClass {} public static class B05 extends BareClass {}
    public static class B06 extends BareClass {} public static class B07 extends BareClass {} public static class B08 extends BareClass {}
    public static class B09 extends BareClass {} public static class B10 extends BareClass {} public static class B11 extends BareClass {}
    public static class B12 extends BareClass {} public static class B13 extends BareClass {} public static class B14 extends BareClass {}
    public static class B15 extends BareClass {} public static class B16 extends BareClass {} public static class B17 extends BareClass {}
    public static class B18 extends BareClass {} public static class B19 extends BareClass {} public static class B20 extends BareClass {}
    public static class B21 extends BareClass {} public static class B22 extends BareClass {} public static class B23 extends BareClass {}
    public static class B24 extends BareClass {} public static class B25 extends BareClass {} public static class B26 extends BareClass {}
    public static class B27 extends BareClass {} public static class B28 extends BareClass {} public static class B29 extends BareClass {}
    public static class B30 extends BareClass {} public static class B31 extends BareClass {} public static class B32 extends BareClass {}
    public static class B33 extends BareClass {} public static class B34 extends BareClass {} public static class B35 extends BareClass {}
    public static class B36 extends BareClass {} public static class B37 extends BareClass {} public static class B38 extends BareClass {}
    public static class B39 extends BareClass {} public static class B40 extends BareClass {} public static class B41 extends BareClass {}
    public static class B42 extends BareClass {} public static class B43 extends BareClass {} public static class B44 extends BareClass {}
    public static class B45 extends BareClass {} public static class B46 extends BareClass {} public static class B47 extends BareClass {}
    public static class B48 extends BareClass {} public static class B49 extends BareClass {}

    public static class M00 extends ModelClass {} public static class M01 extends ModelClass {} public static class M02 extends ModelClass {}
    public static class M03 extends ModelClass {} public static class M04 extends ModelClass {} public static class M05 extends ModelClass {}
    public static class M06 extends ModelClass {} public static class M07 extends ModelClass {} public static class M08 extends ModelClass {}
    public static class M09 extends ModelClass {} public static class M10 extends ModelClass {} public static class M11 extends ModelClass {}
    public static class M12 extends ModelClass {} public static class M13 extends ModelClass {} public static class M14 extends ModelClass {}
    public static class M15 extends ModelClass {} public static class M16 extends ModelClass {} public static class M17 extends ModelClass {}
    public static class M18 extends ModelClass {} public static class M19 extends ModelClass {} public static class M20 extends ModelClass {}
    public static class M21 extends ModelClass {} public static class M22 extends ModelClass {} public static class M23 extends ModelClass {}
    public static class M24 extends ModelClass {} public static class M25 extends ModelClass {} public static class M26 extends ModelClass {}
    public static class M27 extends ModelClass {} public static class M28 extends ModelClass {} public static class M29 extends ModelClass {}
    public static class M30 extends ModelClass {} public static class M31 extends ModelClass {} public static class M32 extends ModelClass {}
    public static class M33 extends ModelClass {} public static class M34 extends ModelClass {} public static class M35 extends ModelClass {}
    public static class M36 extends ModelClass {} public static class M37 extends ModelClass {} public static class M38 extends ModelClass {}
    public static class M39 extends ModelClass {} public static class M40 extends ModelClass {} public static class M41 extends ModelClass {}
    public static class M42 extends ModelClass {} public static class M43 extends ModelClass {} public static class M44 extends ModelClass {}
    public static class M45 extends ModelClass {} public static class M46 extends ModelClass {} public static class M47 extends ModelClass {}
    public static class M48 extends ModelClass {} public static class M49 extends ModelClass {}

    private static final List<Class<?>> BARE = Stream.of(ExtensionBenchmark.class.getDeclaredClasses())
            .filter(c -> c.getSimpleName().matches("B\\d\\d")).sorted(java.util.Comparator.comparing(Class::getSimpleName)).toList();
    private static final List<Class<?>> WITH_MODEL = Stream.of(ExtensionBenchmark.class.getDeclaredClasses())
            .filter(c -> c.getSimpleName().matches("M\\d\\d")).sorted(java.util.Comparator.comparing(Class::getSimpleName)).toList();
}
