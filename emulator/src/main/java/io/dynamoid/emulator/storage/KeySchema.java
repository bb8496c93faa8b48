package io.dynamoid.emulator.storage;

import java.util.List;

/** A table's or index's key: a partition (HASH) key and an optional sort (RANGE) key. */
public record KeySchema(KeyElement hash, KeyElement range) {

    public List<KeyElement> elements() {
        return range == null ? List.of(hash) : List.of(hash, range);
    }

    public boolean hasRange() {
        return range != null;
    }

    public boolean isKeyAttribute(String name) {
        return hash.name().equals(name) || (range != null && range.name().equals(name));
    }
}
