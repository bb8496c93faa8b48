package io.dynamoid.orm.internal.associations;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stored side of one association on one record: the encoded keys of its targets (see {@link KeyCodec}),
 * kept sorted so that the stored set and dirty tracking do not depend on insertion order.
 */
public final class Links {
    private final TreeSet<String> elements = new TreeSet<>();

    /** The encoded target keys, read-only. */
    public SortedSet<String> elements() {
        return Collections.unmodifiableSortedSet(elements);
    }

    public void replace(Collection<String> newElements) {
        elements.clear();
        elements.addAll(newElements);
    }
}
