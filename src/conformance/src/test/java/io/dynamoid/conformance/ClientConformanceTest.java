package io.dynamoid.conformance;

import io.dynamoid.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Runs each client's conformance script (scripts/) against an emulator: the AWS CLI, boto3 and the AWS SDK for
 * JavaScript each create and describe a table, put, get (with a projection) and delete an item, batch-write,
 * query and update items, meet DynamoDB's errors and delete the table, checking every answer themselves. A client missing on a developer's machine skips its test; on CI
 * (CI=true) it fails it, since .ci/run installs every client.
 */
class ClientConformanceTest {
    private static final Path MODULE_DIR = Path.of(System.getProperty("conformance.dir", "")).toAbsolutePath();
    private static final Path SCRIPTS = MODULE_DIR.resolve("scripts");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    /** Fake credentials and a region for every client; the config files point nowhere, so a developer's
     *  ~/.aws settings (profile, binary format, pager) cannot change what the scripts see. */
    private static final Map<String, String> CLIENT_ENVIRONMENT = Map.of(
            "AWS_ACCESS_KEY_ID", "conformance",
            "AWS_SECRET_ACCESS_KEY", "conformance",
            "AWS_DEFAULT_REGION", "us-east-1",
            "AWS_REGION", "us-east-1",
            "AWS_CONFIG_FILE", "/nonexistent/aws-config",
            "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials",
            "AWS_PAGER", "",
            "AWS_EC2_METADATA_DISABLED", "true");

    private static Emulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void awsCliPassesTheTableAndItemLifecycle() {
        requireClient(succeeds(List.of("aws", "--version")),
                "the AWS CLI is not installed (`aws --version` fails); install it with `apt-get install awscli`");
        runScript(List.of("bash", SCRIPTS.resolve("aws-cli.sh").toString()));
    }

    @Test
    void boto3PassesTheTableAndItemLifecycleAndErrors() {
        // The python3 first on PATH may be another installation (pyenv) than the one apt installs boto3 for.
        Optional<String> python = List.of("python3", "/usr/bin/python3").stream()
                .filter(candidate -> succeeds(List.of(candidate, "-c", "import boto3")))
                .findFirst();
        requireClient(python.isPresent(), "boto3 is not installed for python3 nor /usr/bin/python3;"
                + " install it with `apt-get install python3-boto3`");
        runScript(List.of(python.get(), SCRIPTS.resolve("boto3_check.py").toString()));
    }

    @Test
    void javascriptSdkPassesTheTableAndItemLifecycleAndErrors() {
        requireClient(succeeds(List.of("node", "--input-type=module", "-e", "import '@aws-sdk/client-dynamodb'")),
                "node or @aws-sdk/client-dynamodb is missing; run `npm ci` in src/conformance");
        runScript(List.of("node", SCRIPTS.resolve("sdk-js-check.mjs").toString()));
    }

    private static boolean succeeds(List<String> probe) {
        return Subprocess.run(probe, MODULE_DIR, CLIENT_ENVIRONMENT, PROBE_TIMEOUT).succeeded();
    }

    private static void requireClient(boolean available, String reason) {
        if (available) return;
        if ("true".equals(System.getenv("CI"))) {
            fail(reason + " (on CI a missing client is a failure: .ci/run installs every client)");
        }
        abort(reason);
    }

    /** Runs the script with the emulator's endpoint as its argument; it must exit 0 after passing every check. */
    private static void runScript(List<String> command) {
        List<String> withEndpoint = new ArrayList<>(command);
        withEndpoint.add(emulator.endpoint().toString());
        Subprocess.Result result = Subprocess.run(withEndpoint, MODULE_DIR, CLIENT_ENVIRONMENT, SCRIPT_TIMEOUT);
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), () -> String.join(" ", withEndpoint) + " failed:\n" + result.output());
        assertTrue(result.output().matches("(?s).*all \\d+ checks passed\\s*"),
                () -> "the script did not report its checks as passed:\n" + result.output());
    }
}
