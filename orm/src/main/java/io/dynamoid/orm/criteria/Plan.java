package io.dynamoid.orm.criteria;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * How a {@link Chain} reads: a Query (of the table or of {@code indexName}) with a key condition, or a Scan;
 * each with an optional filter and projection. Expressions use placeholders, resolved by {@code names} and
 * {@code values}. From {@link Chain#explain()}.
 *
 * @param indexName        the index read, or null for the table
 * @param keyCondition     the KeyConditionExpression of a Query; null for a Scan
 * @param filter           the FilterExpression, or null
 * @param projection       the ProjectionExpression, or null for whole items
 * @param fetchesFullItems whether each page's keys are then read whole by BatchGetItem (an explicitly chosen index
 *                         that does not project what is read)
 */
public record Plan(Operation operation, String indexName, String keyCondition, String filter, String projection,
                   Map<String, String> names, Map<String, AttributeValue> values, boolean fetchesFullItems) {

    public enum Operation { QUERY, SCAN }

    public Plan {
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }

    public boolean isQuery() {
        return operation == Operation.QUERY;
    }

    public boolean isScan() {
        return operation == Operation.SCAN;
    }

    /** An expression with its placeholders replaced by names and values, for reading and asserting. */
    public String resolve(String expression) {
        if (expression == null) {
            return null;
        }
        String resolved = expression;
        // longest placeholders first, so that #n1 never eats the start of #n10
        for (String p : names.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            resolved = resolved.replace(p, names.get(p));
        }
        return resolved;
    }

    @Override
    public String toString() {
        return operation + (indexName == null ? "" : " index " + indexName)
                + (keyCondition == null ? "" : " key " + resolve(keyCondition))
                + (filter == null ? "" : " filter " + resolve(filter))
                + (projection == null ? "" : " project " + resolve(projection))
                + (fetchesFullItems ? " then BatchGetItem" : "");
    }
}
