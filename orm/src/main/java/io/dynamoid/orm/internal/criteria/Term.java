package io.dynamoid.orm.internal.criteria;

import io.dynamoid.orm.criteria.Condition;

/** One {@code where(field, condition)} of a chain; {@code field} as the user wrote it (Java or attribute name). */
public record Term(String field, Condition condition) {
}
