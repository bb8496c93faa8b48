package io.dynamoid.orm.internal.criteria;

import io.dynamoid.orm.criteria.Plan;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.client.Failures;
import io.dynamoid.orm.internal.persistence.Find;
import io.dynamoid.orm.internal.persistence.Selection;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Runs a {@link Plan} page by page, lazily: each {@link Iterator#next()} sends one Query or Scan, starting from
 * the previous LastEvaluatedKey, sized by {@code batch} and by what remains of {@code scanLimit}.
 * A counting reader sends Select COUNT and expects a plan made for counting (no projection).
 */
public final class Reader implements Iterator<Reader.RawPage> {
    /** One response: items (none when counting), where to resume (null at the end), Count and ScannedCount. */
    public record RawPage(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastEvaluatedKey, int count, int scanned) {
    }

    private final Engine engine;
    private final ModelMapping mapping;
    private final Plan plan;
    private final Criteria criteria;
    private final boolean counting;
    private Map<String, AttributeValue> next;
    private long scanned;
    private boolean done;

    /** {@code start} is the resolved ExclusiveStartKey, or null; {@code counting} asks for Select COUNT. */
    public Reader(Engine engine, ModelMapping mapping, Plan plan, Criteria criteria, Map<String, AttributeValue> start, boolean counting) {
        this.engine = engine;
        this.mapping = mapping;
        this.plan = plan;
        this.criteria = criteria;
        this.counting = counting;
        this.next = start;
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public RawPage next() {
        if (done) {
            throw new NoSuchElementException();
        }
        Integer limit = limit();
        RawPage page = plan.isQuery() ? query(limit) : scan(limit);
        scanned += page.scanned();
        next = page.lastEvaluatedKey();
        done = next == null || (criteria.scanLimit() != null && scanned >= criteria.scanLimit());
        return page;
    }

    /** The request's Limit: the batch size, capped by what the scan limit leaves. */
    private Integer limit() {
        if (criteria.scanLimit() == null) {
            return criteria.batch();
        }
        int left = (int) (criteria.scanLimit() - scanned);
        return criteria.batch() == null ? left : Math.min(left, criteria.batch());
    }

    private RawPage query(Integer limit) {
        QueryRequest request = QueryRequest.builder().tableName(mapping.tableName()).indexName(plan.indexName())
                .keyConditionExpression(plan.keyCondition()).filterExpression(plan.filter())
                .projectionExpression(plan.projection())
                .expressionAttributeNames(plan.names().isEmpty() ? null : plan.names()).expressionAttributeValues(plan.values().isEmpty() ? null : plan.values())
                .consistentRead(criteria.consistent()).scanIndexForward(criteria.forward()).limit(limit)
                .select(counting ? Select.COUNT : null).exclusiveStartKey(next).build();
        QueryResponse r;
        try {
            r = engine.client().query(request);
        } catch (SdkException e) {
            throw Failures.of("Query", mapping.tableName(), e);
        }
        return page(r.items(), r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null, r.count(), r.scannedCount());
    }

    private RawPage scan(Integer limit) {
        ScanRequest request = ScanRequest.builder().tableName(mapping.tableName()).indexName(plan.indexName())
                .filterExpression(plan.filter()).projectionExpression(plan.projection())
                .expressionAttributeNames(plan.names().isEmpty() ? null : plan.names()).expressionAttributeValues(plan.values().isEmpty() ? null : plan.values())
                .consistentRead(criteria.consistent()).limit(limit).select(counting ? Select.COUNT : null)
                .segment(criteria.segment()).totalSegments(criteria.totalSegments()).exclusiveStartKey(next).build();
        ScanResponse r;
        try {
            r = engine.client().scan(request);
        } catch (SdkException e) {
            throw Failures.of("Scan", mapping.tableName(), e);
        }
        return page(r.items(), r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null, r.count(), r.scannedCount());
    }

    private RawPage page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> last, Integer count, Integer scannedCount) {
        List<Map<String, AttributeValue>> full = plan.fetchesFullItems() && !counting && !items.isEmpty()
                ? Find.many(engine, mapping, items.stream().map(mapping::keyOfItem).toList(), criteria.consistent(), Selection.ALL)
                        .stream().filter(Objects::nonNull).toList() // deleted between the two reads
                : items;
        return new RawPage(full, last == null || last.isEmpty() ? null : last, count == null ? 0 : count, scannedCount == null ? 0 : scannedCount);
    }
}
