package io.dynamoid.bench;

/**
 * What one workload measured against one server. Latencies in nanoseconds; {@code serverCpuNanos} is the
 * server process's CPU time over the measured window, -1 when it could not be read.
 */
record Measurement(String workload, String server, long operations, long errors, String firstError,
                   long elapsedNanos, long p50Nanos, long p99Nanos, long serverCpuNanos) {

    double opsPerSecond() {
        return operations * 1e9 / elapsedNanos;
    }

    /** Server CPU microseconds per successful operation, NaN when unknown. */
    double serverCpuMicrosPerOp() {
        return serverCpuNanos < 0 || operations == 0 ? Double.NaN : serverCpuNanos / 1e3 / operations;
    }
}
