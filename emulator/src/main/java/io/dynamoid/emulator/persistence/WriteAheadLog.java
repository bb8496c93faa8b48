package io.dynamoid.emulator.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One database's write-ahead log: a sequence of files {@code log-GENERATION.wal}, one record per atomic change
 * group. Writers hand their record to a single writer thread, which writes everything that queued up while it
 * was busy and forces it with one fsync (group commit). With {@link SyncMode#ALWAYS} {@link #append} returns
 * once its record is forced; with {@link SyncMode#BATCH} once it is written, the file being forced at most
 * every sync interval. When the file outgrows the compaction threshold the writer starts the next
 * generation and asks for a snapshot of it ({@link Rotation}); files before a durable snapshot are deleted.
 * After any I/O failure the log refuses every further write: what is on disk is never guessed at.
 */
final class WriteAheadLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);

    /** Hears that generation {@code generation} started: everything before it is in the earlier files. */
    interface Rotation {
        void rotated(long generation);
    }

    private final Path dir;
    private final String accessKeyId;
    private final String region;
    private final SyncMode mode;
    private final long syncIntervalNanos;
    private final long minCompactionBytes;
    private final Rotation rotation;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private List<ByteBuffer> pending = new ArrayList<>();
    private long appended;
    /** The last record handed to the operating system (survives the process being killed). */
    private long written;
    /** The last record forced to disk (survives the machine crashing). */
    private long durable;
    private boolean closing;
    private boolean closed;
    private Throwable failure;

    // writer thread only
    private FileChannel channel;
    private long generation;
    private long size;
    private volatile long compactAfterBytes;
    private volatile boolean snapshotPending;
    private final Thread writer;
    private volatile long syncs;

    WriteAheadLog(Path dir, String accessKeyId, String region, long generation, FileChannel channel, Persistence.Options options,
                  Rotation rotation) throws IOException {
        this.dir = dir;
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.generation = generation;
        this.channel = channel;
        this.size = channel.size();
        this.mode = options.sync();
        this.syncIntervalNanos = TimeUnit.MILLISECONDS.toNanos(options.syncIntervalMillis());
        this.minCompactionBytes = options.compactAfterBytes();
        this.compactAfterBytes = minCompactionBytes;
        this.rotation = rotation;
        this.writer = new Thread(this::run, "dynamoid-wal-" + dir.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    static Path file(Path dir, long generation) {
        return dir.resolve(String.format("log-%016d.wal", generation));
    }

    /**
     * Creates log file {@code generation} atomically (written aside, forced, renamed), so a log file always
     * has its whole header; returns it open for appending.
     */
    static FileChannel create(Path dir, String accessKeyId, String region, long generation) throws IOException {
        Path target = file(dir, generation);
        Path aside = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel tmp = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            tmp.write(ByteBuffer.wrap(DataFile.preamble(DataFile.LOG)));
            tmp.write(DataFile.frame(Codec.header(accessKeyId, region, generation)));
            tmp.force(true);
        }
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        Persistence.forceDirectory(dir);
        return openForAppend(target);
    }

    static FileChannel openForAppend(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.position(channel.size());
        return channel;
    }

    /**
     * Appends one record (an atomic change group). Returns once it is on disk with {@link SyncMode#ALWAYS},
     * once it is written to the operating system (not yet forced) with {@link SyncMode#BATCH}. Throws
     * {@link PersistenceException} if the log failed or is closed: the change must not be acknowledged.
     */
    void append(byte[] payload) {
        ByteBuffer frame = DataFile.frame(payload);
        lock.lock();
        try {
            checkUsable();
            pending.add(frame);
            long sequence = ++appended;
            work.signal();
            boolean interrupted = false;
            while ((mode == SyncMode.ALWAYS ? durable : written) < sequence) {
                checkUsable();
                try {
                    progress.await();
                } catch (InterruptedException e) {
                    interrupted = true; // the record is queued: wait for its fate rather than answer early
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void checkUsable() {
        if (failure != null) {
            throw new PersistenceException("Cannot write the log in " + dir + ": " + failure, failure);
        }
        if (closed || closing) throw new PersistenceException("The log in " + dir + " is closed");
    }

    /** The snapshot of the latest generation is durable: compaction may start again when the log outgrows it. */
    void snapshotDone(long snapshotBytes) {
        compactAfterBytes = Math.max(minCompactionBytes, snapshotBytes);
        snapshotPending = false;
    }

    /** How many times the log was forced to disk (to see group commit at work). */
    long syncs() {
        return syncs;
    }

    private void run() {
        List<ByteBuffer> batch = new ArrayList<>();
        long lastForce = System.nanoTime();
        boolean unforced = false;
        while (true) {
            long upTo;
            boolean last;
            lock.lock();
            try {
                while (pending.isEmpty() && !closing) {
                    if (unforced) {
                        long wait = lastForce + syncIntervalNanos - System.nanoTime();
                        if (wait <= 0) break;
                        work.awaitNanos(wait);
                    } else {
                        work.awaitUninterruptibly();
                    }
                }
                List<ByteBuffer> taken = pending;
                pending = batch;
                batch = taken;
                upTo = appended;
                last = closing;
            } catch (InterruptedException e) {
                continue;
            } finally {
                lock.unlock();
            }
            boolean forced = false;
            boolean wrote = false;
            if (failure == null) {
                try {
                    write(batch);
                    wrote = true;
                    if (!batch.isEmpty()) unforced = true;
                    if (unforced && (mode == SyncMode.ALWAYS || last || System.nanoTime() - lastForce >= syncIntervalNanos)) {
                        channel.force(false);
                        syncs++;
                        lastForce = System.nanoTime();
                        unforced = false;
                        forced = true;
                    }
                    if (!last && !snapshotPending && size >= compactAfterBytes) {
                        rotate();
                        lastForce = System.nanoTime();
                        unforced = false;
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("Writing the log in {} failed; this database refuses further writes", dir, e);
                    lock.lock();
                    try {
                        failure = e;
                    } finally {
                        lock.unlock();
                    }
                }
            }
            batch.clear();
            lock.lock();
            try {
                if (wrote) written = upTo;
                if (forced) durable = upTo;
                progress.signalAll();
                if (last && pending.isEmpty()) {
                    closed = true;
                    progress.signalAll();
                    break;
                }
            } finally {
                lock.unlock();
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing {} failed", file(dir, generation), e);
        }
    }

    private void write(List<ByteBuffer> batch) throws IOException {
        if (batch.isEmpty()) return;
        ByteBuffer[] buffers = batch.toArray(new ByteBuffer[0]);
        long total = 0;
        for (ByteBuffer b : buffers) total += b.remaining();
        long done = 0;
        while (done < total) done += channel.write(buffers);
        size += total;
    }

    private void rotate() throws IOException {
        channel.force(false);
        syncs++;
        channel.close();
        FileChannel next = create(dir, accessKeyId, region, generation + 1);
        generation++;
        channel = next;
        size = channel.size();
        snapshotPending = true;
        rotation.rotated(generation);
    }

    /** Writes and forces what is queued, then stops; later appends are refused. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
