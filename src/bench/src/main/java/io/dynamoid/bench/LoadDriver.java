package io.dynamoid.bench;

import io.dynamoid.bench.workloads.Workload;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/** Sends one workload's requests from several threads: a warm-up, then a measured window of fixed duration. */
final class LoadDriver {
    private final int threads;
    private final Duration warmUp;
    private final Duration measured;

    LoadDriver(int threads, Duration warmUp, Duration measured) {
        this.threads = threads;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    Measurement measure(Workload workload, DynamoDbClient client, ServerProcess server) {
        workload.prepare(client);
        runThreads(workload, client, warmUp);
        OptionalLong cpuBefore = server.cpuNanos();
        Window window = runThreads(workload, client, measured);
        OptionalLong cpuAfter = server.cpuNanos();
        long cpu = cpuBefore.isPresent() && cpuAfter.isPresent() ? cpuAfter.getAsLong() - cpuBefore.getAsLong() : -1;
        long[] latencies = window.latencies();
        return new Measurement(workload.name(), server.name(), latencies.length, window.errors(), window.firstError(),
                window.elapsedNanos(), percentile(latencies, 0.50), percentile(latencies, 0.99), cpu);
    }

    private record Window(long[] latencies, long errors, String firstError, long elapsedNanos) {
    }

    /** Runs every thread until the deadline; latencies of successful requests, sorted. */
    private Window runThreads(Workload workload, DynamoDbClient client, Duration duration) {
        List<Sender> senders = new ArrayList<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            senders.add(new Sender(workload, client, t, deadline, firstError));
        }
        senders.forEach(Thread::start);
        for (Sender sender : senders) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long elapsed = System.nanoTime() - start;
        long[] all = senders.stream().flatMapToLong(s -> Arrays.stream(s.latencies, 0, s.count)).sorted().toArray();
        long errors = senders.stream().mapToLong(s -> s.errors).sum();
        return new Window(all, errors, firstError.get(), elapsed);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    /** One client thread; its latencies go to its own array, so threads never contend while measuring. */
    private static final class Sender extends Thread {
        private final Workload workload;
        private final DynamoDbClient client;
        private final int index;
        private final long deadline;
        private final AtomicReference<String> firstError;
        private long[] latencies = new long[1 << 14];
        private int count;
        private long errors;

        Sender(Workload workload, DynamoDbClient client, int index, long deadline, AtomicReference<String> firstError) {
            super("bench-" + workload.operation() + "-" + index);
            this.workload = workload;
            this.client = client;
            this.index = index;
            this.deadline = deadline;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            long iteration = 0;
            for (long now = System.nanoTime(); now < deadline; iteration++) {
                try {
                    workload.run(client, index, iteration);
                    long end = System.nanoTime();
                    record(end - now);
                    now = end;
                } catch (RuntimeException e) {
                    errors++;
                    firstError.compareAndSet(null, e.toString());
                    now = System.nanoTime();
                }
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
            latencies[count++] = nanos;
        }
    }
}
