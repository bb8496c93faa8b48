package io.dynamoid.orm.internal.meta;

import io.dynamoid.orm.Projection;

import java.util.List;

/**
 * A secondary index of a model, its keys resolved to fields. {@code name} is the explicit name or null for the
 * Dynamoid default, which depends on the (namespaced) table name.
 */
public record IndexMeta(boolean global, String name, FieldMeta hashKey, FieldMeta rangeKey, Projection projection,
                        List<String> projectedAttributes, long readCapacity, long writeCapacity) {

    /** The index name on a table named {@code tableName}. */
    public String nameOn(String tableName) {
        if (name != null) {
            return name;
        }
        return tableName + "_index_" + hashKey.attributeName() + (rangeKey == null ? "" : "_" + rangeKey.attributeName());
    }
}
