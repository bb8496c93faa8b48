package io.dynamoid.orm.internal.criteria;

import io.dynamoid.orm.InvalidValueException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values of a raw filter, which names no field whose codec could convert them: converted by their Java type
 * alone (String S, Number N, Boolean BOOL, byte[] B, sets SS/NS, List L, Map M, AttributeValue as is).
 */
final class RawValues {
    private RawValues() {
    }

    static AttributeValue of(Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof AttributeValue a) {
            return a;
        }
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(new BigDecimal(n.toString()).toPlainString());
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        }
        if (value instanceof Enum<?> e) {
            return AttributeValue.fromS(e.name());
        }
        if (value instanceof Set<?> set && !set.isEmpty() && set.stream().allMatch(String.class::isInstance)) {
            return AttributeValue.fromSs(set.stream().map(String.class::cast).toList());
        }
        if (value instanceof Set<?> set && !set.isEmpty() && set.stream().allMatch(Number.class::isInstance)) {
            return AttributeValue.fromNs(set.stream().map(n -> new BigDecimal(n.toString()).toPlainString()).toList());
        }
        if (value instanceof Collection<?> c && !(value instanceof Set<?>)) {
            return AttributeValue.fromL(c.stream().map(RawValues::of).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), of(v)));
            return AttributeValue.fromM(m);
        }
        throw new InvalidValueException("Cannot convert a " + value.getClass().getSimpleName() + " for a raw filter: pass an AttributeValue");
    }
}
