package io.dynamoid.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dynamoid.bench.workloads.BenchTable;
import io.dynamoid.bench.workloads.Workload;
import io.dynamoid.bench.workloads.Workloads;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's ceiling: an HTTP server (its own process) answering every DynamoDB operation with a fixed
 * valid body and doing no other work, so what it costs is the SDK plus HTTP alone.
 * {@code java -cp dynamoid-bench.jar io.dynamoid.bench.CannedServer PORT}
 */
public final class CannedServer {
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** Several workloads send the same operation (Query) to different tables: the table picks the answer. */
    private static final Pattern TABLE_NAME = Pattern.compile("\"TableName\":\"([^\"]+)\"");

    private CannedServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CannedServer PORT");
            System.exit(2);
        }
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // 40 ms per request on a kept-alive connection.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Map<String, byte[]> bodies = new HashMap<>();
        bodies.put("CreateTable", BenchTable.CANNED_CREATE.getBytes(StandardCharsets.UTF_8));
        bodies.put("DescribeTable", BenchTable.CANNED_DESCRIBE.getBytes(StandardCharsets.UTF_8));
        for (Workload workload : Workloads.ALL) {
            byte[] body = workload.cannedResponse().getBytes(StandardCharsets.UTF_8);
            bodies.put(workload.operation() + "/" + workload.table(), body);
            bodies.putIfAbsent(workload.operation(), body); // requests naming no table, e.g. BatchWriteItem
        }
        byte[] emptyObject = "{}".getBytes(StandardCharsets.UTF_8);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
        server.setExecutor(Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2)));
        server.createContext("/", exchange -> answer(exchange, bodies, emptyObject));
        server.start();
        System.out.println("canned server listening on 127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, Map<String, byte[]> bodies, byte[] emptyObject) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            String requestBody = new String(request.readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
            Matcher table = TABLE_NAME.matcher(requestBody);
            byte[] body = table.find() ? bodies.get(operation + "/" + table.group(1)) : null;
            if (body == null) body = bodies.getOrDefault(operation, emptyObject);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "canned");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
