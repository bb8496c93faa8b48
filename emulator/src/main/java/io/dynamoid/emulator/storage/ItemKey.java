package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Where an item sits in its table's ordered map: (hash of partition key, partition key, sort key). One
 * order serves both Query (a contiguous range within one partition) and Scan (the whole map, stable across
 * pages; parallel-scan segments are ranges of the hash). {@code bound} makes range ends: -1 sorts before
 * every sort key of the partition, +1 after them.
 */
public record ItemKey(int hash, AttrValue partition, AttrValue sort, int bound) implements Comparable<ItemKey> {

    public static final Comparator<ItemKey> ORDER = ItemKey::compareTo;

    public static ItemKey of(AttrValue partition, AttrValue sort) {
        return new ItemKey(hashOf(partition), partition, sort, 0);
    }

    /** The first possible key of a partition (before all its sort keys). */
    public static ItemKey partitionStart(AttrValue partition) {
        return new ItemKey(hashOf(partition), partition, null, -1);
    }

    /** Past the last possible key of a partition. */
    public static ItemKey partitionEnd(AttrValue partition) {
        return new ItemKey(hashOf(partition), partition, null, 1);
    }

    /** Unsigned position of this key's partition in the scan order, in [0, 2^32). */
    public long unsignedHash() {
        return Integer.toUnsignedLong(hash);
    }

    @Override
    public int compareTo(ItemKey o) {
        int c = Integer.compareUnsigned(hash, o.hash);
        if (c != 0) return c;
        c = KeyOrder.INSTANCE.compare(partition, o.partition);
        if (c != 0) return c;
        if (bound != 0 || o.bound != 0) {
            if (bound == o.bound) return 0;
            if (bound != 0 && o.bound != 0) return Integer.compare(bound, o.bound);
            return bound != 0 ? bound : -o.bound;
        }
        if (sort == null || o.sort == null) return sort == null ? (o.sort == null ? 0 : -1) : 1;
        return KeyOrder.INSTANCE.compare(sort, o.sort);
    }

    /** A stable 32-bit hash (FNV-1a over the type and bytes) spreading partitions over the scan order. */
    static int hashOf(AttrValue partition) {
        byte[] bytes;
        if (partition instanceof AttrValue.S s) bytes = ("S" + s.value()).getBytes(StandardCharsets.UTF_8);
        else if (partition instanceof AttrValue.N n) bytes = ("N" + n.text()).getBytes(StandardCharsets.UTF_8);
        else if (partition instanceof AttrValue.B b) {
            Bytes v = b.value();
            bytes = new byte[v.length() + 1];
            bytes[0] = 'B';
            for (int i = 0; i < v.length(); i++) bytes[i + 1] = v.at(i);
        } else throw new IllegalArgumentException("key of type " + partition.type());
        int h = 0x811c9dc5;
        for (byte x : bytes) {
            h ^= (x & 0xff);
            h *= 0x01000193;
        }
        // final avalanche so that similar keys land far apart
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
