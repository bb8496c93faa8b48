package io.dynamoid.emulator.console;

import io.dynamoid.emulator.Emulator;
import io.dynamoid.emulator.EmulatorTestBase;
import io.dynamoid.emulator.RawClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's static files over plain HTTP, next to DynamoDB's own answers on the same port. */
class ConsoleHttpTest extends EmulatorTestBase {

    private static RawClient.Answer get(String path) {
        return raw.send(HttpRequest.newBuilder(emulator.endpoint().resolve(path)).GET());
    }

    @Test
    void consoleServesThePage() {
        RawClient.Answer answer = get("/console");
        assertEquals(200, answer.status());
        assertEquals("text/html; charset=utf-8", answer.headers().get("content-type").get(0));
        assertTrue(answer.body().contains("<title>Dynamoid console</title>"), answer.body());
    }

    @Test
    void consoleWithTrailingSlashServesThePage() {
        assertTrue(get("/console/").body().contains("<title>Dynamoid console</title>"));
    }

    @Test
    void pageMayLoadNothingButItsOwnFiles() {
        String policy = get("/console/").headers().get("content-security-policy").get(0);
        assertTrue(policy.startsWith("default-src 'self';"), policy);
    }

    @Test
    void modulesAreServedAsJavaScript() {
        RawClient.Answer answer = get("/console/app.js");
        assertEquals(200, answer.status());
        assertEquals("text/javascript; charset=utf-8", answer.headers().get("content-type").get(0));
        assertTrue(answer.body().contains("ListTables"));
    }

    @Test
    void stylesheetIsServedAsCss() {
        assertEquals("text/css; charset=utf-8", get("/console/console.css").headers().get("content-type").get(0));
    }

    @Test
    void unknownConsoleFileIsNotFound() {
        assertEquals(404, get("/console/no-such-file.js").status());
    }

    @Test
    void nestedPathsUnderConsoleAreNotFound() {
        assertEquals(404, get("/console/io/dynamoid/emulator/console/app.js").status());
    }

    @Test
    void onlyGetAndHeadAreAllowed() {
        RawClient.Answer answer = raw.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/console/"))
                .DELETE());
        assertEquals(405, answer.status());
        assertEquals("GET, HEAD", answer.headers().get("allow").get(0));
    }

    @Test
    void rootStillAnswersTheHealthCheck() {
        RawClient.Answer answer = get("/");
        assertEquals(200, answer.status());
        assertEquals("healthy: dynamodb.us-east-1.amazonaws.com ", answer.body());
    }

    @Test
    void pathMerelyStartingWithConsoleIsTheHealthCheck() {
        assertEquals("healthy: dynamodb.us-east-1.amazonaws.com ", get("/consoles").body());
    }

    @Test
    void apiStillAnswersOnTheSamePort() {
        assertEquals(200, raw.call("ListTables", "{}").status());
    }

    @Test
    void consoleIsServedOnTheEmulatorsOwnAddressOnly() {
        // The console is a handler of the emulator's single listener, not a server of its own: it is
        // reachable exactly where the API is (the bind address, 127.0.0.1 by default) and nowhere else.
        URI console = emulator.consoleUri().orElseThrow();
        assertEquals(emulator.endpoint().resolve("/console/"), console);
        assertEquals("127.0.0.1", console.getHost());
        assertEquals(emulator.port(), console.getPort());
    }

    @Test
    void withoutConsoleEveryGetIsTheHealthCheck() {
        try (Emulator plain = Emulator.builder().console(false).start()) {
            RawClient.Answer answer = new RawClient(plain.endpoint(), "AKIDTEST", "us-east-1")
                    .send(HttpRequest.newBuilder(plain.endpoint().resolve("/console/")).GET());
            assertEquals("healthy: dynamodb.us-east-1.amazonaws.com ", answer.body());
            assertTrue(plain.consoleUri().isEmpty());
        }
    }
}
