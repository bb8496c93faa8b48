package io.dynamoid.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The command line: {@code java -jar dynamoid-bench.jar [--seconds N] [--warmup N] [--threads N] ...}. */
record BenchOptions(Duration measured, Duration warmUp, int threads, String workloads, List<String> servers,
                    String emulatorJar, String dynaliteCli, boolean queryScaling, long queryScalingMax,
                    boolean coldStart, int coldStartRuns, String coldStartJavaOptions,
                    boolean heapPerItem, int heapItems) {
    /** The servers run by default; {@code canned-jdk} (the canned bodies on the JDK's HTTP server) only on request. */
    static final List<String> SERVERS = List.of("ours", "dynalite", "canned");
    static final List<String> KNOWN_SERVERS = List.of("ours", "dynalite", "canned", "canned-jdk");
    static final String USAGE = """
            Usage: java -jar src/bench/target/dynamoid-bench.jar [options]

            Starts the emulator, dynalite and a canned-response server, each as its own process, and drives each
            workload against each with the AWS SDK v2 from several threads.

            Options:
              --seconds N          measured seconds per workload and server (default 5)
              --warmup N           warm-up seconds before each measurement (default 5)
              --threads N          client threads (default 4)
              --workloads LIST     comma-separated: PutItem,GetItem,Query,Query50of100,GsiQuery,UpdateItem,
                                   BatchWriteItem,TransactWriteItems,ScanPaging (default all)
              --servers LIST       comma-separated subset of ours,dynalite,canned,canned-jdk
                                   (default ours,dynalite,canned)
              --emulator-jar PATH  the emulator's jar (default emulator/target/dynamoid-emulator.jar)
              --query-scaling      instead: Query latency on ours with 10,000 items, then --query-scaling-max items
              --query-scaling-max N  the large table's item count for --query-scaling (default 1000000)
              --cold-start         instead: time the emulator jar (and emulator/run) from process start to
                                   its first answer, --cold-start-runs times each
              --cold-start-runs N  launches per command for --cold-start (default 10)
              --cold-start-java-options "OPTS"
                                   also time `java OPTS -jar JAR` (e.g. "-XX:TieredStopAtLevel=1")
              --heap-per-item      instead: heap growth per stored item of ~1 KB, from class histograms
              --heap-items N       items loaded for --heap-per-item (default 100000)
              --dynalite-cli PATH  dynalite's cli.js (default $DYNALITE_CLI, else installed from npm into
                                   ~/.cache/dynamoid/dynalite-VERSION)
            """;

    static BenchOptions parse(String[] args) {
        Duration measured = Duration.ofSeconds(5);
        Duration warmUp = Duration.ofSeconds(5);
        int threads = 4;
        String workloads = "all";
        List<String> servers = SERVERS;
        String emulatorJar = "emulator/target/dynamoid-emulator.jar";
        String dynaliteCli = null;
        boolean queryScaling = false;
        long queryScalingMax = 1_000_000;
        boolean coldStart = false;
        int coldStartRuns = 10;
        String coldStartJavaOptions = null;
        boolean heapPerItem = false;
        int heapItems = 100_000;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) throw new IllegalArgumentException("");
            if (flag.equals("--query-scaling")) {
                queryScaling = true;
                continue;
            }
            if (flag.equals("--cold-start")) {
                coldStart = true;
                continue;
            }
            if (flag.equals("--heap-per-item")) {
                heapPerItem = true;
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(flag + " needs a value");
            String value = args[++i];
            switch (flag) {
                case "--seconds" -> measured = Duration.ofSeconds(positive(flag, value));
                case "--warmup" -> warmUp = Duration.ofSeconds(positive(flag, value));
                case "--threads" -> threads = positive(flag, value);
                case "--workloads" -> workloads = value;
                case "--servers" -> servers = servers(value);
                case "--emulator-jar" -> emulatorJar = value;
                case "--dynalite-cli" -> dynaliteCli = value;
                case "--query-scaling-max" -> queryScalingMax = positive(flag, value);
                case "--cold-start-runs" -> coldStartRuns = positive(flag, value);
                case "--cold-start-java-options" -> coldStartJavaOptions = value;
                case "--heap-items" -> heapItems = positive(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new BenchOptions(measured, warmUp, threads, workloads, servers, emulatorJar, dynaliteCli,
                queryScaling, queryScalingMax, coldStart, coldStartRuns, coldStartJavaOptions, heapPerItem, heapItems);
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, not " + value);
    }

    private static List<String> servers(String value) {
        List<String> chosen = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String server : chosen) {
            if (!KNOWN_SERVERS.contains(server)) {
                throw new IllegalArgumentException("unknown server " + server + "; known: " + KNOWN_SERVERS);
            }
        }
        return KNOWN_SERVERS.stream().filter(chosen::contains).toList();
    }
}
