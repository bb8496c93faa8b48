package io.dynamoid.orm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's ORM examples are the code these tests run: each marked snippet appears in README.md verbatim. */
class ReadmeInSyncTest {
    private static final List<String> EXAMPLE_TESTS = List.of(
            "io/dynamoid/orm/ReadmeExampleTest.java",
            "io/dynamoid/orm/lifecycle/LifecycleExampleTest.java",
            "io/dynamoid/orm/transactions/TransactionExampleTest.java");

    @Test
    void readmeShowsExactlyTheSnippetsTheExampleTestsRun() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String readme = Files.readString(module.getParent().resolve("README.md"));
        for (String test : EXAMPLE_TESTS) {
            List<String> snippets = snippets(Files.readAllLines(module.resolve("src/test/java").resolve(test)));
            assertTrue(snippets.size() >= 2, test + " marks its README snippets");
            for (String snippet : snippets) {
                // the tests nest model classes; the README shows them as top-level classes
                snippet = snippet.replace("public static class ", "public class ");
                assertTrue(readme.contains(snippet), "README.md lacks this snippet of " + test + ":\n" + snippet);
            }
        }
    }

    /** The lines between "--- README snippet" and "--- end of README snippet", de-indented. */
    private static List<String> snippets(List<String> lines) {
        List<String> snippets = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.contains("--- README snippet")) {
                current = new ArrayList<>();
            } else if (line.contains("--- end of README snippet")) {
                snippets.add(deindent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return snippets;
    }

    private static String deindent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) indent = Math.min(indent, line.length() - line.stripLeading().length());
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        return out.toString().stripTrailing();
    }
}
