package io.dynamoid.bench.footprint;

import io.dynamoid.bench.ServerProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One emulator process, timed from the moment it is started to its first successful answer: a ListTables
 * over a plain socket (no SDK in the way), polled every 2 ms until it comes back 200 with {@code TableNames}.
 */
final class EmulatorLaunch implements AutoCloseable {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long POLL_MILLIS = 2;

    private final Process process;
    private final int port;
    private final long nanosToFirstAnswer;
    private final OptionalLong cpuNanosAtFirstAnswer;

    private EmulatorLaunch(Process process, int port, long nanosToFirstAnswer, OptionalLong cpuNanosAtFirstAnswer) {
        this.process = process;
        this.port = port;
        this.nanosToFirstAnswer = nanosToFirstAnswer;
        this.cpuNanosAtFirstAnswer = cpuNanosAtFirstAnswer;
    }

    /** Starts {@code command}, with "{port}" replaced by a free port, and returns once it has answered. */
    static EmulatorLaunch start(List<String> command, Path log) {
        int port = ServerProcess.freePort();
        List<String> full = new ArrayList<>();
        command.forEach(arg -> full.add(arg.replace("{port}", Integer.toString(port))));
        Process process;
        long start = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", full), e);
        }
        try {
            while (!answersListTables(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(String.join(" ", full) + " exited with " + process.exitValue()
                            + " before answering; see " + log);
                }
                if (System.nanoTime() - start > TIMEOUT_NANOS) {
                    throw new IllegalStateException(String.join(" ", full) + " did not answer within 60 s; see " + log);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        long elapsed = System.nanoTime() - start;
        return new EmulatorLaunch(process, port, elapsed, ServerProcess.cpuNanos(process.pid()));
    }

    long pid() {
        return process.pid();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long nanosToFirstAnswer() {
        return nanosToFirstAnswer;
    }

    /** CPU time (all threads: JIT, GC, startup) the process had used when the answer arrived. */
    OptionalLong cpuNanosAtFirstAnswer() {
        return cpuNanosAtFirstAnswer;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** One ListTables; false while nothing listens yet (or it answers anything but 200 with TableNames). */
    private static boolean answersListTables(int port) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String request = "POST / HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                + "X-Amz-Date: 20260101T000000Z\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=footprint/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.startsWith("HTTP/1.1 200") && response.contains("\"TableNames\"");
        } catch (ConnectException notListeningYet) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
