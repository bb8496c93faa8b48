package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.DynamoException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ClientRequestToken window, with a hand-driven clock. */
class IdempotencyTokensTest {
    private final AtomicLong now = new AtomicLong();
    private final IdempotencyTokens tokens = new IdempotencyTokens(now::get);
    private final AtomicInteger runs = new AtomicInteger();

    private String run(String token, String request) {
        return tokens.once(token, request, () -> "run " + runs.incrementAndGet(), () -> "replay");
    }

    @Test
    void replayWithinTenMinutesDoesNotRunAgain() {
        assertEquals("run 1", run("t", "request"));
        now.addAndGet(TimeUnit.MINUTES.toNanos(10) - 1);
        assertEquals("replay", run("t", "request"));
        assertEquals(1, runs.get());
    }

    @Test
    void tokenIsNewAgainTenMinutesAfterTheFirstRequestCompleted() {
        run("t", "request");
        now.addAndGet(TimeUnit.MINUTES.toNanos(10));
        assertEquals("run 2", run("t", "other request"));
    }

    @Test
    void differentRequestWithinTheWindowIsAMismatch() {
        run("t", "request");
        DynamoException e = assertThrows(DynamoException.class, () -> run("t", "other request"));
        assertEquals("IdempotentParameterMismatchException", e.shortType());
    }

    @Test
    void requestArrivingWhileTheFirstRunsIsInProgress() {
        DynamoException e = assertThrows(DynamoException.class,
                () -> tokens.once("t", "request", () -> run("t", "request"), () -> "replay"));
        assertEquals("TransactionInProgressException", e.shortType());
        assertEquals("Transaction from previous request is still in progress", e.getMessage());
    }

    @Test
    void failedRunLeavesTheTokenUnused() {
        assertThrows(IllegalStateException.class, () -> tokens.once("t", "request", () -> {
            throw new IllegalStateException("cancelled");
        }, () -> "replay"));
        assertEquals("run 1", run("t", "other request"));
    }
}
