package io.dynamoid.emulator.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.operations.EmulatorSettings;
import io.dynamoid.emulator.operations.Operation;
import io.dynamoid.emulator.operations.Operations;
import io.dynamoid.emulator.operations.RequestContext;
import io.dynamoid.emulator.operations.Response;
import io.dynamoid.emulator.protocol.AttrValueJson;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.protocol.JsonTree;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Databases;
import io.dynamoid.emulator.streams.DatabaseStreams;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The HTTP edge, in DynamoDB's order: health check for GET, content type, JSON syntax
 * (SerializationException), target (UnknownOperationException), authentication header
 * (MissingAuthenticationToken / IncompleteSignature), then the operation's own serialization and
 * validation, then execution. JSON exists only here; operations see parsed requests.
 */
public final class DynamoHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoHandler.class);

    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    static final int MAX_JSON_DEPTH = 200;
    /**
     * How much of an oversized body is read (and dropped) before answering 413: a client still sending
     * when the connection closes sees a reset instead of the answer.
     */
    public static final long MAX_DISCARDED_BYTES = 4L * MAX_REQUEST_BYTES;
    private static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final HttpString AMZ_TARGET = new HttpString("X-Amz-Target");
    private static final HttpString AMZ_CRC32 = new HttpString("x-amz-crc32");
    private static final HttpString AMZ_REQUEST_ID = new HttpString("x-amzn-RequestId");
    private static final HttpString AMZ_DATE = new HttpString("X-Amz-Date");
    private static final byte[] HEALTHY = "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNKNOWN_OPERATION_XML = "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8);

    private static final JsonFactory JSON = JsonFactory.builder()
            // DynamoDB answers deep or huge documents itself (nesting 32, 400 KB items); let them reach it.
            // Deeper than 200 JSON levels (about 100 of M or L; DynamoDB stops at 32) is refused while parsing:
            // type checking recurses, and must not exhaust a small I/O thread stack.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_JSON_DEPTH).maxStringLength(MAX_REQUEST_BYTES).maxNumberLength(10_000).build())
            .build();
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final Operations operations;
    private final Databases databases;
    private final EmulatorSettings settings;
    private final String corsOrigins;

    private final SignatureVerifier signatures;

    public DynamoHandler(Operations operations, Databases databases, EmulatorSettings settings, String corsOrigins) {
        this(operations, databases, settings, corsOrigins, null);
    }

    /** With {@code signatures} non-null, every request's SigV4 signature is verified (null: only its form is checked). */
    public DynamoHandler(Operations operations, Databases databases, EmulatorSettings settings, String corsOrigins,
                         SignatureVerifier signatures) {
        this.operations = operations;
        this.databases = databases;
        this.settings = settings;
        this.corsOrigins = corsOrigins;
        this.signatures = signatures;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > MAX_DISCARDED_BYTES) {
            tooLarge(exchange);
            return;
        }
        // Read everything (so the client gets to see the answer), keep at most MAX_REQUEST_BYTES.
        long length = exchange.getRequestContentLength();
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 && length <= MAX_REQUEST_BYTES ? (int) length : 32);
        long[] received = {0};
        exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
            received[0] += chunk.length;
            if (last && received[0] == chunk.length && chunk.length <= MAX_REQUEST_BYTES) {
                handleBody(ex, chunk); // the whole body in one chunk (a fresh array), as small requests come: no copy
                return;
            }
            if (received[0] <= MAX_REQUEST_BYTES) body.write(chunk, 0, chunk.length);
            if (!last) return;
            if (received[0] > MAX_REQUEST_BYTES) tooLarge(ex);
            else handleBody(ex, body.toByteArray());
        }, (ex, e) -> tooLarge(ex));
    }

    private static void tooLarge(HttpServerExchange exchange) {
        exchange.setStatusCode(413);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        exchange.endExchange();
    }

    private void handleBody(HttpServerExchange exchange, byte[] body) {
        exchange.getResponseHeaders().put(AMZ_REQUEST_ID, requestId());
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && corsOrigins != null && corsAllows(origin)) {
            exchange.getResponseHeaders().put(new HttpString("Access-Control-Allow-Origin"),
                    corsOrigins.equals("*") ? "*" : origin);
            exchange.getResponseHeaders().put(new HttpString("Access-Control-Expose-Headers"),
                    "x-amzn-RequestId,x-amz-crc32,x-amzn-ErrorType");
            if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
                String headers = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
                String method = exchange.getRequestHeaders().getFirst("Access-Control-Request-Method");
                if (headers != null) exchange.getResponseHeaders().put(new HttpString("Access-Control-Allow-Headers"), headers);
                if (method != null) exchange.getResponseHeaders().put(new HttpString("Access-Control-Allow-Methods"), method);
                exchange.getResponseHeaders().put(new HttpString("Access-Control-Max-Age"), "172800");
                exchange.setStatusCode(200);
                exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, "0");
                exchange.endExchange();
                return;
            }
        }
        if (exchange.getRequestMethod().equals(Methods.GET)) {
            sendRaw(exchange, 200, "text/plain", HEALTHY);
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (!exchange.getRequestMethod().equals(Methods.POST)
                || (body.length > 0 && !mediaType.equals(CONTENT_TYPE) && !mediaType.equals("application/json"))) {
            sendRaw(exchange, 404, "application/xml", UNKNOWN_OPERATION_XML);
            return;
        }
        String responseType = mediaType.equals("application/json") ? "application/json" : CONTENT_TYPE;
        try {
            Response response = dispatch(exchange, body);
            sendJson(exchange, 200, responseType, response);
        } catch (DynamoException e) {
            sendJson(exchange, e.status(), responseType, error(e));
        } catch (RuntimeException e) {
            LOG.error("internal error", e);
            DynamoException internal = Errors.internal("Internal server error");
            sendJson(exchange, 500, responseType, error(internal));
        }
    }

    private Response dispatch(HttpServerExchange exchange, byte[] body) {
        JsonNode json = null;
        if (body.length > 0) {
            try {
                // Floats as BigDecimal: a double would turn 1e999999999 into Infinity, which has no decimal value.
                json = JsonTree.read(JSON, body);
            } catch (IOException | NumberFormatException e) {
                // NumberFormatException: a number BigDecimal cannot hold, e.g. an exponent beyond an int.
                throw Errors.serialization(null);
            }
        }
        String target = exchange.getRequestHeaders().getFirst(AMZ_TARGET);
        Operation operation = null;
        if (target != null && target.startsWith(DYNAMODB_PREFIX)) {
            operation = operations.get(target.substring(DYNAMODB_PREFIX.length()));
        } else if (target != null && target.startsWith(STREAMS_PREFIX)) {
            operation = operations.getStreams(target.substring(STREAMS_PREFIX.length()));
        }
        if (operation == null) throw Errors.unknownOperation();

        Credentials credentials = Credentials.check(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION),
                exchange.getQueryParameters(), exchange.getRequestHeaders().contains(AMZ_DATE)
                        || exchange.getRequestHeaders().contains(Headers.DATE));
        if (signatures != null) signatures.verify(signedRequest(exchange, body));

        if (json == null || !json.isObject()) throw Errors.serialization(null);
        ObjectNode request = operation.spec().check(json);
        Database database = databases.forRequest(credentials.accessKeyId(), credentials.region());
        DatabaseStreams streams = DatabaseStreams.of(database); // streams hear every write from the first request on
        RequestContext context = new RequestContext(database, settings, exchange.getHostAndPort());
        Response response = operation.execute(request, context);
        if (operation.changesTableDefinitions()) {
            streams.sync(database); // streams follow their tables (enabled, disabled, deleted) as soon as they change
        }
        return response;
    }

    private static SignatureVerifier.SignedRequest signedRequest(HttpServerExchange exchange, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), String.join(",", values));
        }
        return new SignatureVerifier.SignedRequest(exchange.getRequestMethod().toString(), exchange.getRequestURI(),
                exchange.getQueryString(), headers, body);
    }

    private boolean corsAllows(String origin) {
        if (corsOrigins.equals("*")) return true;
        for (String allowed : corsOrigins.split(",")) {
            if (allowed.trim().equals(origin)) return true;
        }
        return false;
    }

    private static Response error(DynamoException e) {
        return g -> {
            g.writeStartObject();
            g.writeStringField("__type", e.type());
            e.writeDetails(g);
            if (e.getMessage() != null) g.writeStringField(e.messageKey(), e.getMessage());
            if (e.item() != null) {
                g.writeFieldName("Item");
                AttrValueJson.writeItem(g, e.item());
            }
            g.writeEndObject();
        };
    }

    private static void sendJson(HttpServerExchange exchange, int status, String contentType, Response response) {
        ResponseBuffer buffer = new ResponseBuffer();
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            response.write(g);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        sendRaw(exchange, status, contentType, buffer.written());
    }

    private static void sendRaw(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        sendRaw(exchange, status, contentType, ByteBuffer.wrap(body));
    }

    private static void sendRaw(HttpServerExchange exchange, int status, String contentType, ByteBuffer body) {
        CRC32 crc = new CRC32();
        crc.update(body.duplicate());
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(AMZ_CRC32, Long.toString(crc.getValue()));
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.remaining());
        exchange.getResponseSender().send(body);
    }

    /** A response body in memory, sent from its own array (no copy as toByteArray would make). */
    private static final class ResponseBuffer extends ByteArrayOutputStream {
        ResponseBuffer() {
            // Empty until written: Jackson hands over its own buffer in one write when it closes (in chunks of
            // about 8 KB for larger answers), so the first write sizes the array exactly and a small answer
            // costs its own length, not a fixed 4 KB.
            super(0);
        }

        ByteBuffer written() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    /** A 52-character id like DynamoDB's x-amzn-RequestId. */
    private static String requestId() {
        char[] id = new char[52];
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        return new String(id);
    }
}
