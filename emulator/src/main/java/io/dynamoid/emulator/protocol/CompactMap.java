package io.dynamoid.emulator.protocol;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An immutable map in insertion order, stored as one array of alternating keys and values (plus a small hash
 * index past {@value HashSlots#LINEAR_MAX} entries). It holds every stored item's attributes and every M
 * value, so it is built to be small: a LinkedHashMap spends about 40 bytes per entry, this 8.
 * Behaves like an unmodifiable LinkedHashMap: same iteration order, equality, hash code and toString.
 */
public final class CompactMap<K, V> extends AbstractMap<K, V> {
    private static final CompactMap<?, ?> EMPTY = new CompactMap<>(new Object[0], 0);

    /** key0, value0, key1, value1, ... */
    private final Object[] keysAndValues;
    private final int size;
    private final int[] slots;

    private CompactMap(Object[] keysAndValues, int size) {
        this.keysAndValues = keysAndValues;
        this.size = size;
        this.slots = HashSlots.build(keysAndValues, size, 2);
    }

    /** An immutable copy of {@code map} in its iteration order; {@code map} itself when it is one already. */
    @SuppressWarnings("unchecked")
    public static <K, V> CompactMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof CompactMap<?, ?> compact) return (CompactMap<K, V>) compact;
        int size = map.size();
        if (size == 0) return (CompactMap<K, V>) EMPTY;
        Object[] keysAndValues = new Object[size * 2];
        int i = 0;
        for (Entry<? extends K, ? extends V> entry : map.entrySet()) {
            keysAndValues[i++] = entry.getKey();
            keysAndValues[i++] = entry.getValue();
        }
        if (i != size * 2) throw new IllegalStateException("map changed while being copied");
        return new CompactMap<>(keysAndValues, size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = HashSlots.find(keysAndValues, size, 2, slots, key);
        return i < 0 ? null : (V) keysAndValues[2 * i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return HashSlots.find(keysAndValues, size, 2, slots, key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < size; i++) action.accept((K) keysAndValues[2 * i], (V) keysAndValues[2 * i + 1]);
    }

    // Every change is refused, as an unmodifiable map refuses it, even one that would change nothing.

    @Override
    public V put(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V replace(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    /** A new view each time (as keySet and values): caching them would cost every stored item objects. */
    @Override
    public Set<Entry<K, V>> entrySet() {
        return new Entries();
    }

    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean contains(Object key) {
                return containsKey(key);
            }

            @Override
            public Iterator<K> iterator() {
                return new Positions<>(0);
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<V> iterator() {
                return new Positions<>(1);
            }
        };
    }

    /** Iterates the keys (offset 0) or the values (offset 1). */
    private final class Positions<T> implements Iterator<T> {
        private final int offset;
        private int next;

        Positions(int offset) {
            this.offset = offset;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (next >= size) throw new NoSuchElementException();
            return (T) keysAndValues[2 * next++ + offset];
        }
    }

    private final class Entries extends AbstractSet<Entry<K, V>> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Entry<K, V>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                @SuppressWarnings("unchecked")
                public Entry<K, V> next() {
                    if (next >= size) throw new NoSuchElementException();
                    int i = next++;
                    return new SimpleImmutableEntry<>((K) keysAndValues[2 * i], (V) keysAndValues[2 * i + 1]);
                }
            };
        }
    }
}
