package io.dynamoid.orm.internal.criteria;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a chain has been told, as an immutable value; each {@code with...} returns a changed copy.
 *
 * @param projected   attributes to read (Java or attribute names), or null for whole items
 * @param recordLimit at most this many records, or null
 * @param scanLimit   evaluate at most this many items (DynamoDB's ScannedCount), or null
 * @param batch       the Limit of each request (page size), or null for DynamoDB's 1 MB pages
 * @param start       where to start: a model, a {@code Key}, a raw key map, or null
 * @param segment     the Scan segment (with totalSegments), or null
 */
public record Criteria(List<Term> terms, List<RawFilter> rawFilters, String indexName, List<String> projected,
                       Integer recordLimit, Integer scanLimit, Integer batch, Object start, boolean forward,
                       boolean consistent, Integer segment, Integer totalSegments) {

    public static Criteria empty(boolean consistent) {
        return new Criteria(List.of(), List.of(), null, null, null, null, null, null, true, consistent, null, null);
    }

    public Criteria {
        terms = List.copyOf(terms);
        rawFilters = List.copyOf(rawFilters);
        projected = projected == null ? null : List.copyOf(projected);
    }

    public Criteria withTerm(Term term) {
        return new Criteria(append(terms, term), rawFilters, indexName, projected, recordLimit, scanLimit, batch, start, forward, consistent, segment, totalSegments);
    }

    public Criteria withRawFilter(RawFilter filter) {
        return new Criteria(terms, append(rawFilters, filter), indexName, projected, recordLimit, scanLimit, batch, start, forward, consistent, segment, totalSegments);
    }

    public Criteria withIndex(String name) {
        return new Criteria(terms, rawFilters, name, projected, recordLimit, scanLimit, batch, start, forward, consistent, segment, totalSegments);
    }

    public Criteria withProjected(List<String> attributes) {
        return new Criteria(terms, rawFilters, indexName, attributes, recordLimit, scanLimit, batch, start, forward, consistent, segment, totalSegments);
    }

    public Criteria withRecordLimit(Integer limit) {
        return new Criteria(terms, rawFilters, indexName, projected, limit, scanLimit, batch, start, forward, consistent, segment, totalSegments);
    }

    public Criteria withScanLimit(Integer limit) {
        return new Criteria(terms, rawFilters, indexName, projected, recordLimit, limit, batch, start, forward, consistent, segment, totalSegments);
    }

    public Criteria withBatch(Integer size) {
        return new Criteria(terms, rawFilters, indexName, projected, recordLimit, scanLimit, size, start, forward, consistent, segment, totalSegments);
    }

    public Criteria withStart(Object from) {
        return new Criteria(terms, rawFilters, indexName, projected, recordLimit, scanLimit, batch, from, forward, consistent, segment, totalSegments);
    }

    public Criteria withForward(boolean ascending) {
        return new Criteria(terms, rawFilters, indexName, projected, recordLimit, scanLimit, batch, start, ascending, consistent, segment, totalSegments);
    }

    public Criteria withConsistent(boolean strongly) {
        return new Criteria(terms, rawFilters, indexName, projected, recordLimit, scanLimit, batch, start, forward, strongly, segment, totalSegments);
    }

    public Criteria withSegment(Integer index, Integer total) {
        return new Criteria(terms, rawFilters, indexName, projected, recordLimit, scanLimit, batch, start, forward, consistent, index, total);
    }

    public boolean hasFilter() {
        return !rawFilters.isEmpty() || !terms.isEmpty();
    }

    private static <E> List<E> append(List<E> list, E element) {
        List<E> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}
