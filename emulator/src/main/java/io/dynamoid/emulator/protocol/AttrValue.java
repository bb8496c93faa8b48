package io.dynamoid.emulator.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value. Immutable: every collection inside is unmodifiable (and compact: sets and maps
 * are {@link CompactSet} and {@link CompactMap}, since stored items are made of these), numbers are normalized
 * once on the way in (so equal numbers are equal records), and writes build new values instead of changing
 * old ones. JSON exists only at the HTTP edge ({@link AttrValueJson}).
 */
public sealed interface AttrValue {

    /** DynamoDB's name for the type: S, N, B, SS, NS, BS, M, L, BOOL or NULL. */
    String type();

    record S(String value) implements AttrValue {
        public String type() { return "S"; }
    }

    /** A number normalized by {@link Numbers#normalize}: no trailing zeros, so equality is numeric equality. */
    record N(BigDecimal value) implements AttrValue {
        public String type() { return "N"; }

        public static N of(String text) {
            return new N(Numbers.parse(text));
        }

        public static N of(long value) {
            return new N(BigDecimal.valueOf(value));
        }

        /** The text DynamoDB answers with: plain notation, no exponent, no trailing zeros. */
        public String text() {
            return value.toPlainString();
        }
    }

    record B(Bytes value) implements AttrValue {
        public String type() { return "B"; }
    }

    record SS(Set<String> values) implements AttrValue {
        public SS {
            values = CompactSet.copyOf(values);
        }

        public String type() { return "SS"; }
    }

    record NS(Set<BigDecimal> values) implements AttrValue {
        public NS {
            values = CompactSet.copyOf(values);
        }

        public String type() { return "NS"; }
    }

    record BS(Set<Bytes> values) implements AttrValue {
        public BS {
            values = CompactSet.copyOf(values);
        }

        public String type() { return "BS"; }
    }

    record M(Map<String, AttrValue> values) implements AttrValue {
        public M {
            values = CompactMap.copyOf(values);
        }

        public String type() { return "M"; }
    }

    record L(List<AttrValue> values) implements AttrValue {
        public L {
            values = List.copyOf(values);
        }

        public String type() { return "L"; }
    }

    record Bool(boolean value) implements AttrValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }

        public String type() { return "BOOL"; }
    }

    record Null() implements AttrValue {
        public static final Null INSTANCE = new Null();

        public String type() { return "NULL"; }
    }

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return N.of(value);
    }
}
