package io.dynamoid.emulator.protocol;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CompactMap must behave exactly like the unmodifiable LinkedHashMap it replaced in items and M values. */
class CompactMapTest {

    private static LinkedHashMap<String, Integer> sample(int size) {
        LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
        Random random = new Random(size);
        while (map.size() < size) map.put("k" + random.nextInt(10 * size + 1), map.size());
        return map;
    }

    @Test
    void keepsInsertionOrderOfKeysValuesAndEntries() {
        for (int size : new int[] {0, 1, 3, 8, 9, 50, 1000}) {
            LinkedHashMap<String, Integer> expected = sample(size);
            CompactMap<String, Integer> compact = CompactMap.copyOf(expected);
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(compact.keySet()));
            assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(compact.values()));
            assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(compact.entrySet()));
            List<String> visited = new ArrayList<>();
            compact.forEach((k, v) -> visited.add(k + "=" + v));
            assertEquals(expected.entrySet().stream().map(Object::toString).toList(), visited);
        }
    }

    @Test
    void findsEveryKeyAndNoOtherBelowAndAboveTheLinearScanSize() {
        for (int size : new int[] {1, 8, 9, 17, 1000}) {
            LinkedHashMap<String, Integer> expected = sample(size);
            CompactMap<String, Integer> compact = CompactMap.copyOf(expected);
            expected.forEach((k, v) -> {
                assertEquals(v, compact.get(new String(k))); // equal, not the same instance
                assertTrue(compact.containsKey(k));
                assertTrue(compact.keySet().contains(k));
            });
            assertNull(compact.get("absent"));
            assertFalse(compact.containsKey("absent"));
            assertFalse(compact.containsKey(null));
            assertEquals(size, compact.size());
        }
    }

    @Test
    void equalsHashCodeAndToStringMatchLinkedHashMap() {
        LinkedHashMap<String, Integer> expected = sample(12);
        CompactMap<String, Integer> compact = CompactMap.copyOf(expected);
        assertEquals(expected, compact);
        assertEquals(compact, expected);
        assertEquals(expected.hashCode(), compact.hashCode());
        assertEquals(expected.toString(), compact.toString());
        assertFalse(compact.equals(sample(11)));
    }

    @Test
    void keepsNullValuesAsPresentKeys() {
        Map<String, Integer> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        CompactMap<String, Integer> compact = CompactMap.copyOf(withNull);
        assertTrue(compact.containsKey("a"));
        assertNull(compact.get("a"));
    }

    @Test
    void refusesEveryChange() {
        CompactMap<String, Integer> compact = CompactMap.copyOf(sample(3));
        assertThrows(UnsupportedOperationException.class, () -> compact.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> compact.remove("absent"));
        assertThrows(UnsupportedOperationException.class, () -> compact.computeIfPresent("absent", (k, v) -> v));
        assertThrows(UnsupportedOperationException.class, () -> CompactMap.copyOf(Map.of()).clear());
        assertThrows(UnsupportedOperationException.class, compact::clear);
        assertThrows(UnsupportedOperationException.class, () -> compact.entrySet().iterator().next().setValue(5));
        assertThrows(UnsupportedOperationException.class, () -> {
            var it = compact.keySet().iterator();
            it.next();
            it.remove();
        });
    }

    @Test
    void copyOfACompactMapIsTheSameMap() {
        CompactMap<String, Integer> compact = CompactMap.copyOf(sample(4));
        assertSame(compact, CompactMap.copyOf(compact));
    }

    @Test
    void copyDoesNotFollowTheSource() {
        LinkedHashMap<String, Integer> source = sample(4);
        CompactMap<String, Integer> compact = CompactMap.copyOf(source);
        source.put("later", 9);
        assertEquals(4, compact.size());
        assertFalse(compact.containsKey("later"));
    }
}
