package io.dynamoid.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Sends hand-written JSON to the emulator, with a syntactically complete (unverified) SigV4 header, to
 * test what the SDK never sends: wrong types, malformed JSON, missing members.
 */
public final class RawClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String accessKey;
    private final String region;

    public RawClient(URI endpoint, String accessKey, String region) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.region = region;
    }

    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The short error name, e.g. ValidationException. */
        public String errorType() {
            String type = json().path("__type").asText();
            return type.substring(type.indexOf('#') + 1);
        }

        public String message() {
            JsonNode json = json();
            return json.has("message") ? json.get("message").asText() : json.path("Message").asText(null);
        }
    }

    /** POSTs {@code body} to {@code DynamoDB_20120810.<operation>}. */
    public Answer call(String operation, String body) {
        return send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20261125T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20261125/" + region
                        + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends an arbitrary request (custom headers, methods) to the endpoint. */
    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }
}
