package io.dynamoid.orm.internal.criteria;

import io.dynamoid.orm.InvalidValueException;
import io.dynamoid.orm.criteria.Condition;
import io.dynamoid.orm.criteria.Plan;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.inheritance.TypeField;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns criteria into a {@link Plan}: asks {@link KeyFieldsDetector} for a key schema (or takes the one named by
 * {@code withIndex}), puts its hash equality and range condition into the KeyConditionExpression, and every other
 * condition into the FilterExpression; without a usable schema, a Scan.
 */
public final class Planner {
    /**
     * A term resolved to its stored attribute; {@code field} is null for the type attribute of single-table
     * inheritance when no field declares it (its values are type names, stored as strings).
     */
    record Resolved(String attribute, MappedField field, Condition condition) {
        Resolved(MappedField field, Condition condition) {
            this(field.name(), field, condition);
        }

        boolean isEquality() {
            return condition.operator() == Condition.Operator.EQ;
        }
    }

    private Planner() {
    }

    /**
     * The plan for reading records; for {@code counting} (Select COUNT) without projection, and any index whose
     * projection holds the filtered attributes will do.
     */
    public static Plan plan(ModelMapping mapping, Criteria criteria, boolean counting) {
        List<Resolved> terms = new ArrayList<>();
        criteria.terms().forEach(t -> terms.add(new Resolved(mapping.field(t.field()), t.condition())));
        typeCondition(mapping).ifPresent(terms::add);
        Set<String> projected = counting ? new LinkedHashSet<>(mapping.keyNames())
                : criteria.projected() == null ? null : projectedAttributes(mapping, criteria.projected());
        Optional<KeyFieldsDetector.Match> match = criteria.indexName() != null
                ? Optional.of(named(mapping, criteria.indexName(), terms))
                : KeyFieldsDetector.detect(mapping, terms, needed(projected, terms, criteria));

        Placeholders p = new Placeholders();
        String keyCondition = null;
        List<Resolved> filtered = new ArrayList<>(terms);
        boolean fetchesFullItems = false;
        String indexName = null;
        if (match.isPresent()) {
            KeyFieldsDetector.Match m = match.get();
            keyCondition = render(p, m.hash());
            filtered.remove(m.hash());
            if (m.range() != null) {
                keyCondition += " AND " + render(p, m.range());
                filtered.remove(m.range());
            }
            indexName = m.schema().indexName();
            fetchesFullItems = !m.schema().covers(needed(projected, terms, criteria));
            requireTypeProjected(mapping, m.schema(), filtered);
        }
        List<String> filters = new ArrayList<>();
        filtered.forEach(t -> filters.add(render(p, t)));
        for (RawFilter raw : criteria.rawFilters()) {
            raw.values().forEach((placeholder, value) -> p.value(placeholder, RawValues.of(value)));
            filters.add(criteria.rawFilters().size() + filtered.size() > 1 ? "(" + raw.expression() + ")" : raw.expression());
        }
        String projection = null;
        if (counting) {
            fetchesFullItems = false;
        } else if (fetchesFullItems) {
            projection = mapping.keyNames().stream().map(p::name).collect(Collectors.joining(", "));
        } else if (projected != null) {
            projection = projected.stream().map(p::name).collect(Collectors.joining(", "));
        }
        return new Plan(match.isPresent() ? Plan.Operation.QUERY : Plan.Operation.SCAN, indexName, keyCondition,
                filters.isEmpty() ? null : String.join(" AND ", filters), projection, p.names(), p.values(), fetchesFullItems);
    }

    /** A filter on the type attribute of an index that does not project it would drop every item. */
    private static void requireTypeProjected(ModelMapping mapping, KeyFieldsDetector.Schema schema, List<Resolved> filtered) {
        String type = mapping.typeField().attribute();
        boolean filtersType = filtered.stream().anyMatch(t -> t.attribute().equals(type));
        if (filtersType && schema.projected() != null && !schema.projected().contains(type)) {
            throw new IllegalArgumentException("Index '" + schema.indexName() + "' does not project '" + type + "', which restricts a query of "
                    + mapping.meta().type().getSimpleName() + " to its class: project it (INCLUDE) or query another index");
        }
    }

    /**
     * For a subclass of a single-table hierarchy, its type name (or those of its subtree) on the type attribute:
     * an equality can then be a key condition of an index keyed by that attribute.
     */
    private static Optional<Resolved> typeCondition(ModelMapping mapping) {
        TypeField type = mapping.typeField();
        if (!type.restricts()) {
            return Optional.empty();
        }
        List<String> names = type.admitted();
        Condition condition = names.size() == 1 ? Condition.eq(names.get(0)) : Condition.in(names);
        return Optional.of(type.declared() == null ? new Resolved(type.attribute(), null, condition)
                : new Resolved(mapping.field(type.attribute()), condition));
    }

    /** The projected attributes with the table keys, which loading and paging need (and the type, to load the right class). */
    private static Set<String> projectedAttributes(ModelMapping mapping, List<String> fields) {
        Set<String> attributes = new LinkedHashSet<>(mapping.keyNames());
        if (mapping.typeField().present()) {
            attributes.add(mapping.typeField().attribute());
        }
        fields.forEach(f -> attributes.add(mapping.field(f).name()));
        return attributes;
    }

    /** What the read touches: projected and filtered attributes; null (everything) for whole items or raw filters. */
    private static Set<String> needed(Set<String> projected, List<Resolved> terms, Criteria criteria) {
        if (projected == null || !criteria.rawFilters().isEmpty()) {
            return null;
        }
        Set<String> needed = new LinkedHashSet<>(projected);
        terms.forEach(t -> needed.add(t.attribute()));
        return needed;
    }

    private static KeyFieldsDetector.Match named(ModelMapping mapping, String indexName, List<Resolved> terms) {
        KeyFieldsDetector.Schema schema = KeyFieldsDetector.schemas(mapping).stream()
                .filter(s -> indexName.equals(s.indexName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(mapping.meta().type().getSimpleName() + " has no index named '" + indexName
                        + "'; its indexes: " + KeyFieldsDetector.schemas(mapping).stream().skip(1).map(KeyFieldsDetector.Schema::indexName).toList()));
        return KeyFieldsDetector.match(schema, terms).orElseThrow(() -> new IllegalArgumentException("Querying index '" + indexName
                + "' needs an equality condition on its hash key '" + schema.hash() + "'"));
    }

    private static String render(Placeholders p, Resolved term) {
        String n = p.name(term.attribute());
        List<Object> values = term.condition().values();
        return switch (term.condition().operator()) {
            case EQ -> n + " = " + value(p, term, values.get(0));
            case NE -> n + " <> " + value(p, term, values.get(0));
            case GT -> n + " > " + value(p, term, values.get(0));
            case LT -> n + " < " + value(p, term, values.get(0));
            case GTE -> n + " >= " + value(p, term, values.get(0));
            case LTE -> n + " <= " + value(p, term, values.get(0));
            case BETWEEN -> n + " BETWEEN " + value(p, term, values.get(0)) + " AND " + value(p, term, values.get(1));
            case BEGINS_WITH -> "begins_with(" + n + ", " + value(p, term, values.get(0)) + ")";
            case IN -> n + " IN (" + values.stream().map(v -> value(p, term, v)).collect(Collectors.joining(", ")) + ")";
            case CONTAINS -> "contains(" + n + ", " + p.value(element(term, values.get(0))) + ")";
            case NOT_CONTAINS -> "NOT contains(" + n + ", " + p.value(element(term, values.get(0))) + ")";
            // Absent, or stored as NULL (storeAttributeWithNullValue): both mean null to the model.
            case NULL -> "(attribute_not_exists(" + n + ") OR attribute_type(" + n + ", " + p.value(AttributeValue.fromS("NULL")) + "))";
            case NOT_NULL -> "(attribute_exists(" + n + ") AND NOT attribute_type(" + n + ", " + p.value(AttributeValue.fromS("NULL")) + "))";
        };
    }

    private static String value(Placeholders p, Resolved term, Object value) {
        AttributeValue dumped = term.field() == null ? AttributeValue.fromS((String) value) : term.field().dump(value);
        if (dumped == null) {
            throw new InvalidValueException("Cannot compare " + term.field().meta() + " with " + value + ": it is stored as no value");
        }
        return p.value(dumped);
    }

    /** An element of a set or list field as the field stores elements; a substring for other fields. */
    private static AttributeValue element(Resolved term, Object element) {
        MappedField field = term.field();
        if (Set.class.isAssignableFrom(field.meta().type())) {
            AttributeValue set = field.dump(Set.of(element));
            return set.hasSs() ? AttributeValue.fromS(set.ss().get(0))
                    : set.hasNs() ? AttributeValue.fromN(set.ns().get(0))
                    : AttributeValue.fromB(set.bs().get(0));
        }
        if (Collection.class.isAssignableFrom(field.meta().type())) {
            return field.dump(List.of(element)).l().get(0);
        }
        return RawValues.of(element);
    }
}
