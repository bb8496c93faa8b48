package io.dynamoid.bench.footprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --cold-start}: how long the emulator takes from process start to its first answer (issue #12's
 * target: 400 ms). Each variant is launched {@code runs} times, the variants taking turns so that the
 * machine's other load falls on all of them alike; each launch is timed until a ListTables comes back, and
 * the process's CPU time at that moment (all its threads, from /proc) is recorded too, since on a shared
 * machine the wall time says as much about the other processes as about the emulator.
 */
public final class ColdStart {
    private static final long TARGET_MILLIS = 400;

    private ColdStart() {
    }

    /**
     * @param jar          the emulator's standalone jar
     * @param runs         launches per variant
     * @param javaOptions  extra JVM options to try as one more variant (null or blank: none)
     */
    public static void run(Path jar, int runs, String javaOptions, Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("java -jar " + jar, List.of(java, "-jar", jar.toString(), "--port", "{port}"));
        Path runScript = jar.toAbsolutePath().getParent().resolveSibling("run");
        if (Files.isRegularFile(runScript) && Files.isExecutable(runScript)) variants.put(runScript + " (README's command)", List.of(runScript.toString(), "--port", "{port}"));
        if (javaOptions != null && !javaOptions.isBlank()) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
            command.addAll(List.of("-jar", jar.toString(), "--port", "{port}"));
            variants.put("java " + javaOptions.trim() + " -jar " + jar, command);
        }
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        variants.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        List<String> names = new ArrayList<>(variants.keySet());
        for (int round = 0; round < runs; round++) {
            for (int v = 0; v < names.size(); v++) {
                String name = names.get((v + round) % names.size());
                try (EmulatorLaunch launch = EmulatorLaunch.start(variants.get(name), logDir.resolve("cold-start.log"))) {
                    long wall = launch.nanosToFirstAnswer();
                    long cpu = launch.cpuNanosAtFirstAnswer().orElse(-1);
                    results.get(name).add(new long[] {wall, cpu});
                    System.out.printf(Locale.ROOT, "run %2d  %-60s first answer after %5.0f ms, process CPU %5.0f ms%n",
                            round + 1, name, wall / 1e6, cpu / 1e6);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nCold start, process start → first ListTables answered (%d runs each; target ≤ %d ms):%n"
                + "| Command | wall median ms | wall p90 ms | wall min ms | CPU median ms | CPU min ms |%n"
                + "|---|---:|---:|---:|---:|---:|%n", runs, TARGET_MILLIS);
        results.forEach((name, runsOf) -> {
            long[] wall = runsOf.stream().mapToLong(r -> r[0]).sorted().toArray();
            long[] cpu = runsOf.stream().mapToLong(r -> r[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "| `%s` | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name,
                    percentile(wall, 0.5) / 1e6, percentile(wall, 0.9) / 1e6, wall[0] / 1e6,
                    percentile(cpu, 0.5) / 1e6, cpu[0] / 1e6);
        });
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
