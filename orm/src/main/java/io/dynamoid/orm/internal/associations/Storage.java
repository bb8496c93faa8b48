package io.dynamoid.orm.internal.associations;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Associations as attributes of their record's item: a string set {@code <name>_ids} of encoded target keys
 * (see {@link KeyCodec}), or for a belongs_to with a foreign key one string. An empty association is no
 * attribute, even when null values are stored (ADD cannot add elements to a NULL). Called by
 * {@code ModelMapping} when it dumps and loads.
 */
public final class Storage {
    private Storage() {
    }

    /** Adds the association attributes of {@code model} to {@code item}. */
    public static void dump(Object model, Map<String, AttributeValue> item) {
        AssociationMeta meta = AssociationMeta.of(model.getClass()).checked();
        if (meta.isEmpty()) {
            return;
        }
        for (Definition d : meta.definitions()) {
            AttributeValue v = attribute(d, AssociationMeta.links(model, d).elements());
            if (v != null) {
                item.put(d.attribute(), v);
            }
        }
    }

    /** Sets the associations of {@code model} from an item; an absent attribute is an empty association. */
    public static void load(Object model, Map<String, AttributeValue> item) {
        AssociationMeta meta = AssociationMeta.of(model.getClass()).checked();
        if (meta.isEmpty()) {
            return;
        }
        for (Definition d : meta.definitions()) {
            AssociationMeta.links(model, d).replace(elements(item.get(d.attribute())));
        }
    }

    /** The attribute for these elements, or null when there are none. */
    static AttributeValue attribute(Definition d, SortedSet<String> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        return d.foreignKey() ? AttributeValue.fromS(elements.first()) : AttributeValue.fromSs(List.copyOf(elements));
    }

    /** The elements an attribute holds: a string set, or one string or number (a foreign key). */
    static List<String> elements(AttributeValue v) {
        if (v == null || Boolean.TRUE.equals(v.nul())) {
            return List.of();
        }
        if (v.hasSs()) {
            return v.ss();
        }
        if (v.s() != null) {
            return List.of(v.s());
        }
        return v.n() != null ? List.of(v.n()) : List.of();
    }
}
