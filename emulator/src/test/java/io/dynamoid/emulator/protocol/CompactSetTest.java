package io.dynamoid.emulator.protocol;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CompactSet must behave exactly like the unmodifiable LinkedHashSet it replaced in SS, NS and BS values. */
class CompactSetTest {

    private static List<String> strings(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) values.add("v" + (i * 7919 % (count + 3)));
        return values;
    }

    @Test
    void keepsTheFirstOfRepeatedElementsInOrder() {
        List<String> withRepeats = List.of("b", "a", "b", "c", "a");
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(CompactSet.copyOf(withRepeats)));
    }

    @Test
    void containsEveryElementAndNoOtherBelowAndAboveTheLinearScanSize() {
        for (int size : new int[] {0, 1, 8, 9, 100, 5000}) {
            LinkedHashSet<String> expected = new LinkedHashSet<>(strings(size));
            CompactSet<String> compact = CompactSet.copyOf(expected);
            assertEquals(new ArrayList<>(expected), new ArrayList<>(compact));
            for (String value : expected) assertTrue(compact.contains(new String(value)));
            assertFalse(compact.contains("absent"));
            assertFalse(compact.contains(null));
        }
    }

    @Test
    void equalsHashCodeAndToStringMatchLinkedHashSet() {
        LinkedHashSet<BigDecimal> expected = new LinkedHashSet<>(List.of(new BigDecimal("1.5"), BigDecimal.TEN, BigDecimal.ONE));
        CompactSet<BigDecimal> compact = CompactSet.copyOf(expected);
        assertEquals(expected, compact);
        assertEquals(compact, expected);
        assertEquals(expected.hashCode(), compact.hashCode());
        assertEquals(expected.toString(), compact.toString());
    }

    @Test
    void deduplicatesSetsWhoseMembersAreNotDistinctByEquals() {
        Set<String> byIdentity = Collections.newSetFromMap(new IdentityHashMap<>());
        byIdentity.add("x");
        byIdentity.add(new String("x"));
        assertEquals(1, CompactSet.copyOf(byIdentity).size());
    }

    @Test
    void copiesAHashSetInItsIterationOrder() {
        HashSet<String> source = new HashSet<>(strings(20));
        assertEquals(new ArrayList<>(source), new ArrayList<>(CompactSet.copyOf(source)));
    }

    @Test
    void refusesEveryChange() {
        CompactSet<String> compact = CompactSet.copyOf(List.of("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> compact.add("c"));
        assertThrows(UnsupportedOperationException.class, () -> compact.remove("absent"));
        assertThrows(UnsupportedOperationException.class, () -> compact.removeIf(v -> false));
        assertThrows(UnsupportedOperationException.class, () -> CompactSet.copyOf(List.of()).clear());
        assertThrows(UnsupportedOperationException.class, compact::clear);
        assertThrows(UnsupportedOperationException.class, () -> {
            var it = compact.iterator();
            it.next();
            it.remove();
        });
    }

    @Test
    void copyOfACompactSetIsTheSameSet() {
        CompactSet<String> compact = CompactSet.copyOf(List.of("a"));
        assertSame(compact, CompactSet.copyOf(compact));
    }
}
