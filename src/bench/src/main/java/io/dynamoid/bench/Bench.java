package io.dynamoid.bench;

import io.dynamoid.bench.footprint.ColdStart;
import io.dynamoid.bench.footprint.HeapPerItem;
import io.dynamoid.bench.workloads.BenchTable;
import io.dynamoid.bench.workloads.Workload;
import io.dynamoid.bench.workloads.Workloads;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The benchmark: one run starts our emulator, dynalite and the canned server as separate processes and
 * measures each workload against each. See docs/benchmarks.md for the command and recorded figures.
 */
public final class Bench {
    private static final Path LOG_DIR = Path.of(System.getProperty("java.io.tmpdir"), "dynamoid-bench");

    private Bench() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        List<Workload> workloads;
        try {
            options = BenchOptions.parse(args);
            workloads = Workloads.named(options.workloads());
        } catch (IllegalArgumentException e) {
            if (e.getMessage().isEmpty()) { // --help
                System.out.print(BenchOptions.USAGE);
                System.exit(0);
            }
            System.err.println("error: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            if (options.coldStart()) {
                Report.printMachine();
                ColdStart.run(emulatorJar(options), options.coldStartRuns(), options.coldStartJavaOptions(), LOG_DIR);
                Report.printLoadAverage();
            } else if (options.heapPerItem()) {
                Report.printMachine();
                HeapPerItem.run(emulatorJar(options), options.heapItems(), options.threads(), LOG_DIR);
                Report.printLoadAverage();
            } else if (options.queryScaling()) {
                Report report = new Report(options);
                report.printHeader();
                QueryScaling.run(options, report);
            } else {
                run(options, workloads);
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }

    private static void run(BenchOptions options, List<Workload> workloads) {
        Report report = new Report(options);
        report.printHeader();
        List<ServerProcess> servers = new CopyOnWriteArrayList<>(); // also read by the shutdown hook
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(ServerProcess::close)));
        try {
            for (String name : options.servers()) {
                servers.add(start(name, options));
            }
            Map<ServerProcess, DynamoDbClient> clients = new LinkedHashMap<>();
            for (ServerProcess server : servers) {
                DynamoDbClient client = client(server, options.threads());
                BenchTable.create(client);
                clients.put(server, client);
            }
            LoadDriver driver = new LoadDriver(options.threads(), options.warmUp(), options.measured());
            for (Workload workload : workloads) {
                List<Measurement> row = new ArrayList<>();
                for (ServerProcess server : servers) {
                    if (!workload.supportedBy(server.name())) {
                        report.printUnsupported(workload.name(), server.name());
                        continue;
                    }
                    Measurement measurement = driver.measure(workload, clients.get(server), server);
                    report.printMeasurement(measurement);
                    row.add(measurement);
                }
                report.add(row);
            }
            report.printSummary();
            clients.values().forEach(DynamoDbClient::close);
        } finally {
            servers.forEach(ServerProcess::close);
        }
    }

    static ServerProcess start(String name, BenchOptions options) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return switch (name) {
            case "ours" -> ServerProcess.start(name, List.of(java, "-jar", emulatorJar(options).toString()),
                    List.of("--port", "{port}"), LOG_DIR);
            case "dynalite" -> ServerProcess.start(name,
                    List.of("node", Dynalite.cli(options.dynaliteCli()).toString(),
                            "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"),
                    List.of("--port", "{port}"), LOG_DIR);
            case "canned", "canned-jdk" -> ServerProcess.start(name,
                    List.of(java, "-cp", System.getProperty("java.class.path"), CannedServer.class.getName()),
                    List.of("{port}", name.equals("canned") ? "undertow" : "jdk"), LOG_DIR);
            default -> throw new IllegalArgumentException("unknown server " + name);
        };
    }

    /** The emulator's standalone jar, which must have been built. */
    private static Path emulatorJar(BenchOptions options) {
        Path jar = Path.of(options.emulatorJar());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " not found: build it with"
                    + " `mvn -B -q package -DskipTests -pl emulator,src/bench` (from the repository root)");
        }
        return jar;
    }

    /** The AWS SDK v2 sync client, one per server, shared by all threads; no retries, so errors show. */
    static DynamoDbClient client(ServerProcess server, int threads) {
        return client(server.endpoint(), threads);
    }

    /** {@link #client(ServerProcess, int)} for a server started elsewhere. */
    public static DynamoDbClient client(java.net.URI endpoint, int threads) {
        RetryStrategy noRetries = AwsRetryStrategy.doNotRetry();
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(threads * 2))
                .overrideConfiguration(o -> o.retryStrategy(noRetries).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }
}
