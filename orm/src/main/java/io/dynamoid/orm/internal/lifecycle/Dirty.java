package io.dynamoid.orm.internal.lifecycle;

import io.dynamoid.orm.Change;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.persistence.Changes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dirty tracking in Java values. Everything compares dumped attributes (what would be stored) with the
 * snapshot of the last read or write, so a List, Set or Map field mutated in place counts as changed; old
 * values are loaded from the snapshot, hence never the mutated object itself.
 */
public final class Dirty {
    private Dirty() {
    }

    /** Attribute name → (value in {@code before}, value in {@code after}), in field order, for the attributes that differ. */
    public static Map<String, Change> changes(ModelMapping mapping, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Set<String> changed = Changes.of(after, before).keySet();
        Map<String, Change> changes = new LinkedHashMap<>();
        for (MappedField f : mapping.fields()) {
            if (changed.contains(f.name())) {
                changes.put(f.name(), new Change(f.load(before.get(f.name())), f.load(after.get(f.name()))));
            }
        }
        return Collections.unmodifiableMap(changes);
    }

    /** The Java value of an attribute (attribute or Java name) in a snapshot. */
    public static Object valueIn(ModelMapping mapping, Map<String, AttributeValue> snapshot, String name) {
        MappedField f = mapping.field(name);
        return f.load(snapshot.get(f.name()));
    }

    /** Sets the named fields (every stored field when none is named) back to their values in the snapshot. */
    public static void restore(ModelMapping mapping, Object model, Map<String, AttributeValue> snapshot, Collection<String> names) {
        Collection<MappedField> fields = names.isEmpty() ? mapping.fields() : names.stream().map(mapping::field).toList();
        for (MappedField f : fields) {
            f.meta().set(model, f.load(snapshot.get(f.name())));
        }
    }
}
