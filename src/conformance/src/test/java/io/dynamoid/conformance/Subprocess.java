package io.dynamoid.conformance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, its output (stdout and stderr together) kept for assertions. */
final class Subprocess {
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Subprocess() {
    }

    /** Runs command in dir with extra environment variables; a command that cannot start exits 127, as in a shell. */
    static Result run(List<String> command, Path dir, Map<String, String> environment, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("conformance-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(new File("/dev/null"));
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException cannotStart) {
                return new Result(127, command.get(0) + ": " + cannotStart.getMessage());
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(124, Files.readString(output, StandardCharsets.UTF_8)
                        + "\n[killed: still running after " + timeout.toSeconds() + " s]");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (output != null) output.toFile().delete();
        }
    }
}
