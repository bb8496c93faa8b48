package io.dynamoid.orm.internal.persistence;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Dirty tracking: the attributes that differ between two dumps of a record (null value = removed). */
public final class Changes {
    private Changes() {
    }

    public static Map<String, AttributeValue> of(Map<String, AttributeValue> now, Map<String, AttributeValue> before) {
        Set<String> names = new HashSet<>(now.keySet());
        names.addAll(before.keySet());
        Map<String, AttributeValue> changed = new LinkedHashMap<>();
        for (String name : names) {
            if (!Objects.equals(now.get(name), before.get(name))) {
                changed.put(name, now.get(name));
            }
        }
        return changed;
    }
}
