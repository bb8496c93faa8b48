package io.dynamoid.orm.criteria;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * One response of a Query or Scan: its records (after the filter) and where the next page starts, null on the
 * last page. Pass {@code lastEvaluatedKey} to {@link Chain#start(Map)} to resume later.
 */
public record Page<T>(List<T> records, Map<String, AttributeValue> lastEvaluatedKey) {
    public Page {
        records = List.copyOf(records);
        lastEvaluatedKey = lastEvaluatedKey == null ? null : Map.copyOf(lastEvaluatedKey);
    }

    public boolean isLast() {
        return lastEvaluatedKey == null;
    }
}
