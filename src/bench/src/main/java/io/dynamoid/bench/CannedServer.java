package io.dynamoid.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dynamoid.bench.workloads.BenchTable;
import io.dynamoid.bench.workloads.Workload;
import io.dynamoid.bench.workloads.Workloads;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's ceiling: an HTTP server (its own process) answering every DynamoDB operation with a fixed
 * valid body and doing no other work, so what it costs is the SDK plus HTTP alone.
 * {@code java -cp dynamoid-bench.jar io.dynamoid.bench.CannedServer PORT [undertow|jdk]}
 *
 * <p>Two HTTP fronts answer the same bodies: {@code undertow} (the default, server name {@code canned}), the
 * HTTP server the emulator itself uses, answering on its I/O threads; and {@code jdk} (server name
 * {@code canned-jdk}), the JDK's {@code com.sun.net.httpserver}, which costs more CPU per request than
 * Undertow does and so is no ceiling for the emulator (docs/benchmarks.md).
 */
public final class CannedServer {
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** Several workloads send the same operation (Query) to different tables: the table picks the answer. */
    private static final Pattern TABLE_NAME = Pattern.compile("\"TableName\":\"([^\"]+)\"");
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final HttpString AMZ_TARGET = new HttpString("X-Amz-Target");
    private static final HttpString AMZ_REQUEST_ID = new HttpString("x-amzn-RequestId");
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final Map<String, byte[]> bodies = new HashMap<>();

    private CannedServer() {
        bodies.put("CreateTable", BenchTable.CANNED_CREATE.getBytes(StandardCharsets.UTF_8));
        bodies.put("DescribeTable", BenchTable.CANNED_DESCRIBE.getBytes(StandardCharsets.UTF_8));
        for (Workload workload : Workloads.ALL) {
            byte[] body = workload.cannedResponse().getBytes(StandardCharsets.UTF_8);
            bodies.put(workload.operation() + "/" + workload.table(), body);
            bodies.putIfAbsent(workload.operation(), body); // requests naming no table, e.g. BatchWriteItem
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].matches("undertow|jdk"))) {
            System.err.println("usage: CannedServer PORT [undertow|jdk]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        CannedServer canned = new CannedServer();
        if (args.length == 2 && args[1].equals("jdk")) canned.startJdk(port);
        else canned.startUndertow(port);
        System.out.println("canned server listening on 127.0.0.1:" + port);
    }

    /** The fixed body for a request: by operation and table, else by operation, else {}. */
    private byte[] answer(String target, byte[] requestBody) {
        String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
        Matcher table = TABLE_NAME.matcher(new String(requestBody, StandardCharsets.UTF_8));
        byte[] body = table.find() ? bodies.get(operation + "/" + table.group(1)) : null;
        return body != null ? body : bodies.getOrDefault(operation, EMPTY_OBJECT);
    }

    /** Undertow as the emulator runs it (same I/O thread count, answered on the I/O thread, no Date header). */
    private void startUndertow(int port) {
        Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes(this::answerUndertow))
                .build()
                .start();
    }

    private void answerUndertow(HttpServerExchange exchange, byte[] requestBody) {
        byte[] body = answer(exchange.getRequestHeaders().getFirst(AMZ_TARGET), requestBody);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseHeaders().put(AMZ_REQUEST_ID, "canned");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private void startJdk(int port) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // 40 ms per request on a kept-alive connection.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2)));
        server.createContext("/", this::answerJdk);
        server.start();
    }

    private void answerJdk(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            byte[] body = answer(exchange.getRequestHeaders().getFirst("X-Amz-Target"), request.readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "canned");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
