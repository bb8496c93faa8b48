package io.dynamoid.emulator.server;

import io.dynamoid.emulator.Emulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line the standalone emulator prints at start, and its console flag. */
class MainStartupLineTest {

    @Test
    void startupLineGivesTheConsoleAddressAndItsDefaultCredentials() {
        try (Emulator emulator = Emulator.builder().start()) {
            assertEquals("Dynamoid emulator listening on " + emulator.endpoint()
                    + " (in memory, one database per access key and region); web console at "
                    + emulator.endpoint() + "/console/ (access key local, region us-east-1 until changed there)",
                    Main.startupLine(emulator, Main.Options.parse(new String[0])));
        }
    }

    @Test
    void startupLineWithoutConsoleDoesNotMentionIt() {
        try (Emulator emulator = Emulator.builder().console(false).sharedDb(true).start()) {
            assertEquals("Dynamoid emulator listening on " + emulator.endpoint() + " (in memory, shared database)",
                    Main.startupLine(emulator, Main.Options.parse(new String[] {"--shared-db"})));
        }
    }

    @Test
    void noConsoleFlagTurnsTheConsoleOff() {
        assertTrue(Main.Options.parse(new String[0]).console);
        assertFalse(Main.Options.parse(new String[] {"--no-console"}).console);
    }

    @Test
    void usageListsTheNoConsoleFlag() {
        assertTrue(Main.USAGE.contains("--no-console"));
    }
}
