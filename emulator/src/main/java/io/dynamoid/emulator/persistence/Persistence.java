package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A data directory ({@code --db-path}): every database of the emulator, each in a subdirectory of its own —
 * {@code shared} for the shared database, {@code db-} and a hash of the access key and region otherwise, so no
 * name a client sends ever becomes part of a path. A lock file keeps a second process out.
 */
public final class Persistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);
    static final String LOCK_FILE = "dynamoid.lock";
    static final String SHARED_DIRECTORY = "shared";
    private static final Pattern DATABASE_DIRECTORY = Pattern.compile("db-[0-9a-f]{32}");

    /**
     * How the log is written.
     *
     * @param compactAfterBytes a log file larger than this (or than the last snapshot) starts a snapshot
     */
    public record Options(SyncMode sync, long syncIntervalMillis, long compactAfterBytes) {
        public static final long DEFAULT_SYNC_INTERVAL_MILLIS = 100;
        public static final long DEFAULT_COMPACT_AFTER_BYTES = 64L * 1024 * 1024;
        public static final Options DEFAULTS = new Options(SyncMode.ALWAYS, DEFAULT_SYNC_INTERVAL_MILLIS, DEFAULT_COMPACT_AFTER_BYTES);

        public Options {
            if (sync == null) throw new IllegalArgumentException("sync mode required");
            if (syncIntervalMillis < 1) throw new IllegalArgumentException("the sync interval must be at least 1 ms");
            if (compactAfterBytes < 1) throw new IllegalArgumentException("the compaction threshold must be positive");
        }
    }

    private final Path root;
    private final boolean shared;
    private final Options options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ExecutorService snapshotter;
    private final Map<String, DatabaseStore> stores = new ConcurrentHashMap<>();
    private Databases databases;

    private Persistence(Path root, boolean shared, Options options, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.shared = shared;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.snapshotter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dynamoid-snapshot");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (creating if needed) the data directory and loads its databases: the shared one with
     * {@code shared}, else every per access key and region one.
     *
     * @throws PersistenceException when another process uses the directory or its data is damaged
     */
    public static Persistence open(Path root, boolean shared, Options options) {
        Path dir = root.toAbsolutePath().normalize();
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new PersistenceException("The data directory " + dir + " is in use by another Dynamoid emulator "
                        + "(it holds the lock on " + dir.resolve(LOCK_FILE) + ")");
            }
            Persistence persistence = new Persistence(dir, shared, options, lockChannel, lock);
            try {
                persistence.load();
            } catch (RuntimeException | IOException e) {
                persistence.close();
                throw e;
            }
            return persistence;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new PersistenceException("Cannot use the data directory " + dir + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private void load() throws IOException {
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).forEach(directories::add);
        }
        for (Path dir : directories) {
            String name = dir.getFileName().toString();
            boolean wanted = shared ? name.equals(SHARED_DIRECTORY) : DATABASE_DIRECTORY.matcher(name).matches();
            if (!wanted) continue;
            DatabaseStore store = DatabaseStore.recover(dir, options, snapshotter);
            if (store == null) continue;
            stores.put(name, store);
        }
        databases = new Databases(shared, this::database);
        // register them, so every loaded database is listed (e.g. for background sweeps) before any request
        for (DatabaseStore store : List.copyOf(stores.values())) {
            if (!shared) databases.forRequest(store.accessKeyId(), store.region());
        }
    }

    /** The {@link Databases.Factory}: a loaded database, or a new one whose files appear on its first write. */
    private Database database(String accessKeyId, String region) {
        String name = directoryName(accessKeyId, region);
        return stores.computeIfAbsent(name, n -> DatabaseStore.fresh(root.resolve(n), accessKeyId, region, options, snapshotter))
                .database();
    }

    /** The databases to serve, backed by this directory. */
    public Databases databases() {
        return databases;
    }

    public Path root() {
        return root;
    }

    /** How many times the logs were forced to disk so far (fewer than writes when group commit works). */
    public long syncs() {
        long total = 0;
        for (DatabaseStore store : stores.values()) total += store.syncs();
        return total;
    }

    /**
     * The subdirectory of a database: {@code shared}, or {@code db-} and 32 hex digits of the SHA-256 of the
     * access key and region. Never derived from a client's text directly, so no name can escape the data
     * directory, and case-insensitive file systems cannot merge two access keys.
     */
    static String directoryName(String accessKeyId, String region) {
        if (accessKeyId == null && region == null) return SHARED_DIRECTORY;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(accessKeyId).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(region).getBytes(StandardCharsets.UTF_8));
            return "db-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes a directory's entries (new, renamed or deleted files) durable; not possible on every OS. */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; its file system orders metadata itself
        }
    }

    /** Writes and forces everything acknowledged, stops background work and releases the directory. */
    @Override
    public void close() {
        for (DatabaseStore store : stores.values()) store.close();
        snapshotter.shutdownNow();
        try {
            snapshotter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Releasing {} failed", root.resolve(LOCK_FILE), e);
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
