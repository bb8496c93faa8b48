package io.dynamoid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Prints the run's context, each measurement as it comes, and at the end Markdown tables (for docs/benchmarks.md). */
final class Report {
    private final BenchOptions options;
    private final List<List<Measurement>> rows = new ArrayList<>();
    /** "workload/server" pairs not run because the server lacks the operation. */
    private final List<String> unsupported = new ArrayList<>();

    Report(BenchOptions options) {
        this.options = options;
    }

    void printHeader() {
        printMachine();
        System.out.println("Settings: " + options.threads() + " client threads, " + options.warmUp().toSeconds()
                + " s warm-up + " + options.measured().toSeconds() + " s measured per workload and server; servers "
                + String.join(", ", options.servers()));
        System.out.println();
    }

    /** The load average now, for the end of a run (the machine may be shared). */
    static void printLoadAverage() {
        loadAverage().ifPresent(load -> System.out.println("Load average at the end: " + load));
    }

    /** The date, the machine and its load average, the part of the header every measurement shares. */
    static void printMachine() {
        System.out.println("Dynamoid benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), "
                + cpuModel().orElse("CPU model unknown") + "; Java " + System.getProperty("java.version")
                + "; " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + loadAverage().map(load -> "; load average " + load).orElse(""));
    }

    void printMeasurement(Measurement m) {
        System.out.printf(Locale.ROOT, "%-14s %-9s %9.0f ops/s  p50 %7.3f ms  p99 %7.3f ms  server CPU %s µs/op%s%n",
                m.workload(), m.server(), m.opsPerSecond(), m.p50Nanos() / 1e6, m.p99Nanos() / 1e6,
                micros(m.serverCpuMicrosPerOp()),
                m.errors() == 0 ? "" : "  ERRORS " + m.errors() + " (first: " + m.firstError() + ")");
    }

    void printUnsupported(String workload, String server) {
        System.out.printf(Locale.ROOT, "%-14s %-9s n/a (%s lacks the operation)%n", workload, server, server);
        unsupported.add(workload + "/" + server);
    }

    void add(List<Measurement> row) {
        rows.add(row);
    }

    void printSummary() {
        System.out.println();
        System.out.println("| Workload | Server | ops/s | p50 ms | p99 ms | server CPU µs/op | errors |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (List<Measurement> row : rows) {
            for (Measurement m : row) {
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.3f | %.3f | %s | %d |%n", m.workload(), m.server(),
                        m.opsPerSecond(), m.p50Nanos() / 1e6, m.p99Nanos() / 1e6, micros(m.serverCpuMicrosPerOp()), m.errors());
            }
            String workload = row.get(0).workload();
            unsupported.stream().filter(pair -> pair.startsWith(workload + "/")).forEach(pair ->
                    System.out.printf("| %s | %s | n/a | n/a | n/a | n/a | n/a |%n", workload, pair.substring(workload.length() + 1)));
        }
        System.out.println();
        System.out.println("| Workload | ops/s ours/canned | ops/s dynalite/ours | CPU/op ours/canned | CPU/op dynalite/ours |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (List<Measurement> row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", row.get(0).workload(),
                    ratio(row, "ours", "canned", Measurement::opsPerSecond),
                    ratio(row, "dynalite", "ours", Measurement::opsPerSecond),
                    ratio(row, "ours", "canned", Measurement::serverCpuMicrosPerOp),
                    ratio(row, "dynalite", "ours", Measurement::serverCpuMicrosPerOp));
        }
        loadAverage().ifPresent(load -> System.out.println("\nLoad average at the end: " + load));
    }

    private static String ratio(List<Measurement> row, String numerator, String denominator, ToDoubleFunction<Measurement> figure) {
        Optional<Measurement> top = row.stream().filter(m -> m.server().equals(numerator)).findFirst();
        Optional<Measurement> bottom = row.stream().filter(m -> m.server().equals(denominator)).findFirst();
        if (top.isEmpty() || bottom.isEmpty()) return "n/a";
        double value = figure.applyAsDouble(top.get()) / figure.applyAsDouble(bottom.get());
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "n/a";
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
    private static Optional<String> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return Optional.of(fields[0] + " " + fields[1] + " " + fields[2]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
