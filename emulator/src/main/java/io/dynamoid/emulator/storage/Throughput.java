package io.dynamoid.emulator.storage;

/**
 * Provisioned throughput as DescribeTable reports it. Times are epoch milliseconds, or 0 when the
 * throughput was never increased or decreased.
 */
public record Throughput(long readCapacityUnits, long writeCapacityUnits, long lastIncrease, long lastDecrease,
                         long decreasesToday) {

    public static final Throughput ON_DEMAND = new Throughput(0, 0, 0, 0, 0);

    public static Throughput of(long read, long write) {
        return new Throughput(read, write, 0, 0, 0);
    }
}
