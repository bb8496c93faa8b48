package io.dynamoid.emulator.protocol;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * An immutable set in insertion order, stored as one array (plus a small hash index past
 * {@value HashSlots#LINEAR_MAX} elements): the members of SS, NS and BS values. Behaves like an unmodifiable
 * LinkedHashSet (same order, equality, hash code and toString) at a fraction of its 40 bytes per element.
 */
public final class CompactSet<E> extends AbstractSet<E> {
    private final Object[] elements;
    private final int[] slots;

    private CompactSet(Object[] elements) {
        this.elements = elements;
        this.slots = HashSlots.build(elements, elements.length, 1);
    }

    /**
     * An immutable copy of {@code values} in iteration order without repeats (the first of equal elements
     * stays, as in a LinkedHashSet); {@code values} itself when it is one already.
     */
    @SuppressWarnings("unchecked")
    public static <E> CompactSet<E> copyOf(Collection<? extends E> values) {
        if (values instanceof CompactSet<?> compact) return (CompactSet<E>) compact;
        // A HashSet's members are distinct by equals already; any other collection is deduplicated as before.
        Collection<? extends E> distinct = values instanceof HashSet<?> ? values : new LinkedHashSet<>(values);
        Object[] elements = distinct.toArray();
        if (elements.length != distinct.size()) throw new IllegalStateException("set changed while being copied");
        return new CompactSet<>(elements);
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean contains(Object o) {
        return HashSlots.find(elements, elements.length, 1, slots, o) >= 0;
    }

    // Every change is refused, as an unmodifiable set refuses it, even one that would change nothing.

    @Override
    public boolean add(E e) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < elements.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (next >= elements.length) throw new NoSuchElementException();
                return (E) elements[next++];
            }
        };
    }
}
