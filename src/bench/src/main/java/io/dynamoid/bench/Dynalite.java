package io.dynamoid.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds dynalite's cli.js, installing dynalite from npm into a cache directory the first time. */
final class Dynalite {
    /** Same version and cache directory as `.ci/run dynalite`, so either install serves both. */
    static final String VERSION = "4.0.0";

    private Dynalite() {
    }

    /** The given path, else $DYNALITE_CLI, else the cache directory's copy (installed now if missing). */
    static Path cli(String given) {
        if (given != null) return existing(Path.of(given));
        String fromEnvironment = System.getenv("DYNALITE_CLI");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) return existing(Path.of(fromEnvironment));
        Path home = cacheHome();
        Path cli = home.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) install(home);
        return existing(cli);
    }

    private static Path cacheHome() {
        String explicit = System.getenv("DYNALITE_HOME");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("dynamoid").resolve("dynalite-" + VERSION);
    }

    private static void install(Path home) {
        System.out.println("Installing dynalite@" + VERSION + " into " + home + " (npm) ...");
        try {
            Files.createDirectories(home);
            Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", home.toString(), "--no-audit",
                    "--no-fund", "--no-save", "--loglevel=error", "dynalite@" + VERSION)).inheritIO().start();
            if (npm.waitFor() != 0) throw new IllegalStateException("npm install dynalite@" + VERSION + " failed");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run npm to install dynalite", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path existing(Path cli) {
        if (!Files.isRegularFile(cli)) throw new IllegalStateException("dynalite's cli.js not found at " + cli);
        return cli.toAbsolutePath();
    }
}
