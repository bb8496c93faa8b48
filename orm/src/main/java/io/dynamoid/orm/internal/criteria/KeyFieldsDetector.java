package io.dynamoid.orm.internal.criteria;

import io.dynamoid.orm.Projection;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.meta.IndexMeta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which key schema (the table's, or an index's) can serve a set of conditions with a Query, as Dynamoid's
 * {@code key_fields_detector}: it needs an equality on the schema's hash key; a usable condition on its range key
 * makes it better.
 *
 * <p>Preference: hash and range matched before hash only; within each, the table, then local, then global
 * indexes, in declaration order. An index is chosen automatically only if it projects every attribute read
 * (ALL, or a KEYS_ONLY/INCLUDE index covering the projected attributes and filtered fields); otherwise the
 * query would return partial records, so the detector passes it by. {@code withIndex(name)} forces any index.
 */
final class KeyFieldsDetector {
    /** A key schema; {@code projected} null means every attribute. */
    record Schema(String indexName, boolean global, String hash, String range, Set<String> projected) {
        boolean covers(Set<String> needed) {
            return projected == null || (needed != null && projected.containsAll(needed));
        }
    }

    /** A usable schema with the terms that go into its key condition ({@code range} may be null). */
    record Match(Schema schema, Planner.Resolved hash, Planner.Resolved range) {
    }

    private KeyFieldsDetector() {
    }

    /** The table's schema, then its local indexes, then its global ones. */
    static List<Schema> schemas(ModelMapping mapping) {
        List<Schema> schemas = new ArrayList<>();
        schemas.add(new Schema(null, false, mapping.hashKey().name(), mapping.rangeKey() == null ? null : mapping.rangeKey().name(), null));
        List<IndexMeta> indexes = new ArrayList<>(mapping.meta().indexes().stream().filter(i -> !i.global()).toList());
        indexes.addAll(mapping.meta().indexes().stream().filter(IndexMeta::global).toList());
        for (IndexMeta index : indexes) {
            String hash = index.hashKey().attributeName();
            String range = index.rangeKey() == null ? null : index.rangeKey().attributeName();
            schemas.add(new Schema(index.nameOn(mapping.tableName()), index.global(), hash, range, projected(mapping, index, hash, range)));
        }
        return schemas;
    }

    private static Set<String> projected(ModelMapping mapping, IndexMeta index, String hash, String range) {
        if (index.projection() == Projection.ALL) {
            return null;
        }
        Set<String> attributes = new LinkedHashSet<>(mapping.keyNames());
        attributes.add(hash);
        if (range != null) {
            attributes.add(range);
        }
        if (index.projection() == Projection.INCLUDE) {
            attributes.addAll(index.projectedAttributes());
        }
        return attributes;
    }

    /**
     * The best schema for these terms, reading {@code needed} attributes (null: whole items), or empty when only a
     * Scan can serve them.
     */
    static Optional<Match> detect(ModelMapping mapping, List<Planner.Resolved> terms, Set<String> needed) {
        List<Match> hashOnly = new ArrayList<>();
        for (Schema schema : schemas(mapping)) {
            Optional<Match> match = match(schema, terms);
            if (match.isEmpty() || !schema.covers(needed)) {
                continue;
            }
            if (match.get().range() != null) {
                return match;
            }
            hashOnly.add(match.get());
        }
        return hashOnly.stream().findFirst();
    }

    /** This schema with the terms matching its keys, if it has an equality on its hash key. */
    static Optional<Match> match(Schema schema, List<Planner.Resolved> terms) {
        Planner.Resolved hash = terms.stream().filter(t -> t.attribute().equals(schema.hash()) && t.isEquality()).findFirst().orElse(null);
        if (hash == null) {
            return Optional.empty();
        }
        Planner.Resolved range = schema.range() == null ? null : terms.stream()
                .filter(t -> t.attribute().equals(schema.range()) && t.condition().operator().isKeyCondition())
                .findFirst().orElse(null);
        return Optional.of(new Match(schema, hash, range));
    }
}
