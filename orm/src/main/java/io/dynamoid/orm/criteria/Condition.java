package io.dynamoid.orm.criteria;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A condition on one field, for {@link Chain#where(String, Condition)}:
 * {@code User.find.where("city", "Paris").where("age", gt(30))} with {@code import static
 * io.dynamoid.orm.criteria.Condition.*}.
 *
 * <p>Why typed conditions rather than Dynamoid's {@code where("age.gt", 30)}: the operator is checked by the
 * compiler and completed by the IDE, a field name can never be mistaken for an operator suffix, and
 * {@code between}/{@code in} take their several values as real arguments instead of an array in disguise.
 *
 * <p>Values are Java values of the field's type (Instant, LocalDate, enums, sets...): the field's codec turns them
 * into attributes, as when saving. {@code contains}/{@code notContains} take an element of a set or list field, or
 * a substring of a string field.
 */
public final class Condition {
    /** The comparison; its name says what DynamoDB is asked. */
    public enum Operator {
        EQ, NE, GT, LT, GTE, LTE, BETWEEN, BEGINS_WITH, IN, CONTAINS, NOT_CONTAINS, NULL, NOT_NULL;

        /** Whether DynamoDB accepts it on a sort key in a KeyConditionExpression. */
        public boolean isKeyCondition() {
            return this == EQ || this == GT || this == LT || this == GTE || this == LTE || this == BETWEEN || this == BEGINS_WITH;
        }
    }

    private final Operator operator;
    private final List<Object> values;

    private Condition(Operator operator, Object... values) {
        this.operator = operator;
        this.values = Collections.unmodifiableList(Arrays.asList(values));
    }

    public static Condition eq(Object value) {
        return value == null ? isNull() : new Condition(Operator.EQ, value);
    }

    public static Condition ne(Object value) {
        return new Condition(Operator.NE, Objects.requireNonNull(value, "ne(null): use notNull()"));
    }

    public static Condition gt(Object value) {
        return bound(Operator.GT, value);
    }

    public static Condition lt(Object value) {
        return bound(Operator.LT, value);
    }

    public static Condition gte(Object value) {
        return bound(Operator.GTE, value);
    }

    public static Condition lte(Object value) {
        return bound(Operator.LTE, value);
    }

    /** Both bounds included, as DynamoDB's BETWEEN. */
    public static Condition between(Object low, Object high) {
        return new Condition(Operator.BETWEEN, Objects.requireNonNull(low, "between: low"), Objects.requireNonNull(high, "between: high"));
    }

    public static Condition beginsWith(Object prefix) {
        return bound(Operator.BEGINS_WITH, prefix);
    }

    /** Equal to one of the values (DynamoDB's IN accepts at most 100). */
    public static Condition in(Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("in() needs at least one value");
        }
        values.forEach(v -> Objects.requireNonNull(v, "in(): null value"));
        return new Condition(Operator.IN, values.toArray());
    }

    public static Condition in(Object... values) {
        return in(Arrays.asList(values));
    }

    public static Condition contains(Object element) {
        return bound(Operator.CONTAINS, element);
    }

    public static Condition notContains(Object element) {
        return bound(Operator.NOT_CONTAINS, element);
    }

    /** The attribute is absent or NULL (Dynamoid's {@code null}). */
    public static Condition isNull() {
        return new Condition(Operator.NULL);
    }

    /** The attribute is present and not NULL. */
    public static Condition notNull() {
        return new Condition(Operator.NOT_NULL);
    }

    private static Condition bound(Operator operator, Object value) {
        return new Condition(operator, Objects.requireNonNull(value, operator + " needs a value"));
    }

    public Operator operator() {
        return operator;
    }

    /** The Java values compared with (none for NULL/NOT_NULL, two for BETWEEN). */
    public List<Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && c.operator == operator && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, values);
    }

    @Override
    public String toString() {
        return operator + values.toString();
    }
}
