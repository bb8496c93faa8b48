package io.dynamoid.emulator.console;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the web console's static files (HTML, CSS, ES modules) from the jar under {@link #PATH}. The page
 * itself talks to the emulator through the ordinary DynamoDB JSON API, so this handler knows nothing about
 * tables: it only hands out files. Only plain file names are served, so no request reaches outside the
 * console's resource folder.
 */
public final class ConsoleHandler implements HttpHandler {
    /** The URL path of the console; the emulator routes it and everything below it here. */
    public static final String PATH = "/console";
    /** The access key and region the page starts with (each pair has its own tables unless --shared-db). */
    public static final String DEFAULT_ACCESS_KEY = "local";
    public static final String DEFAULT_REGION = "us-east-1";

    private static final String RESOURCES = "io/dynamoid/emulator/console/";
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]+\\.(html|css|js|svg)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    // The page may load only its own files and talk only to this emulator: nothing from the internet.
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed\n".getBytes());
            return;
        }
        String name = fileName(exchange.getRequestPath());
        Optional<byte[]> body = FILE_NAME.matcher(name).matches()
                ? files.computeIfAbsent(name, ConsoleHandler::load) : Optional.empty();
        if (body.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not Found\n".getBytes());
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        exchange.getResponseHeaders().put(new HttpString("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().put(new HttpString("X-Content-Type-Options"), "nosniff");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        send(exchange, 200, CONTENT_TYPES.get(extension), body.get());
    }

    /** "/console" and "/console/" are the page; "/console/app.js" is app.js; anything deeper is no file. */
    private static String fileName(String requestPath) {
        String rest = requestPath.substring(Math.min(PATH.length(), requestPath.length()));
        if (rest.isEmpty() || rest.equals("/")) return "index.html";
        return rest.startsWith("/") ? rest.substring(1) : "";
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = ConsoleHandler.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (exchange.getRequestMethod().equals(Methods.HEAD)) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }
}
