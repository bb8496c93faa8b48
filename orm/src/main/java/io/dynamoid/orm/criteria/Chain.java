package io.dynamoid.orm.criteria;

import io.dynamoid.orm.Key;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.criteria.Criteria;
import io.dynamoid.orm.internal.criteria.Planner;
import io.dynamoid.orm.internal.criteria.QuerySource;
import io.dynamoid.orm.internal.criteria.RawFilter;
import io.dynamoid.orm.internal.criteria.Reader;
import io.dynamoid.orm.internal.criteria.Term;
import io.dynamoid.orm.internal.persistence.Delete;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, immutable query of a model (Dynamoid's {@code Criteria::Chain}), from {@code Finder.where(...)} or
 * {@code Finder.query()}: each method returns a new chain, and nothing is read until a terminal method
 * ({@link #all()}, {@link #first()}, {@link #stream()}, {@link #count()}...) runs.
 * <pre>{@code
 * import static io.dynamoid.orm.criteria.Condition.*;
 * List<User> parisians = User.find.where("city", "Paris").where("age", gt(30)).all();
 * }</pre>
 * A Query is used whenever an equality on the hash key of the table or of an index allows it (see
 * {@link #explain()}); otherwise a Scan, warned about (warnOnScan) or refused with
 * {@code ScanProhibitedException} (errorOnScan). Several conditions on one chain all apply (AND). Field names
 * are checked when the chain is planned (explain or a terminal method), as the instance is known only then.
 * The chain of a subclass in a single-table hierarchy ({@link io.dynamoid.orm.Inheritance}) reads only its class
 * and descendants: the planner adds {@code type = :name} (or {@code type IN (...)}) to the FilterExpression, or to
 * the KeyConditionExpression when an index is keyed by the type attribute.
 */
public final class Chain<T extends Model<?>> implements Iterable<T> {
    private final QuerySource<T> source;
    private final Criteria criteria;

    private Chain(QuerySource<T> source, Criteria criteria) {
        this.source = source;
        this.criteria = criteria;
    }

    /** A chain without conditions; for {@code Finder}. */
    public static <T extends Model<?>> Chain<T> over(QuerySource<T> source) {
        return new Chain<>(source, Criteria.empty(source.consistent()));
    }

    /** The field (Java or attribute name) equals the value; a null value means the attribute is null or absent. */
    public Chain<T> where(String field, Object value) {
        return where(field, Condition.eq(value));
    }

    public Chain<T> where(String field, Condition condition) {
        return with(criteria.withTerm(new Term(field, condition)));
    }

    /**
     * A hand-written filter, e.g. {@code where("age > :min OR city = :city", Map.of(":min", 30, ":city", "Paris"))}.
     * Attribute names are written as stored; values are converted by their Java type (see {@link AttributeValue}
     * for anything else). Never used for key conditions: it always goes into the FilterExpression. (To compare a
     * map-typed field with a map, write {@code where(field, eq(map))}.)
     */
    public Chain<T> where(String expression, Map<String, ?> values) {
        return with(criteria.withRawFilter(new RawFilter(expression, values)));
    }

    /**
     * Query this index (its name as in {@link Plan#indexName()}), whatever the planner would choose. The conditions
     * must include an equality on its hash key. An index that does not project every attribute is queried for
     * keys, and each page's items are then read whole with BatchGetItem (filters see only projected attributes).
     */
    public Chain<T> withIndex(String indexName) {
        return with(criteria.withIndex(indexName));
    }

    /** At most this many records. */
    public Chain<T> recordLimit(int limit) {
        return with(criteria.withRecordLimit(positive(limit, "recordLimit")));
    }

    /** Evaluate at most this many items (before filtering), across pages. */
    public Chain<T> scanLimit(int limit) {
        return with(criteria.withScanLimit(positive(limit, "scanLimit")));
    }

    /** Items evaluated per request (the page size, DynamoDB's Limit). */
    public Chain<T> batch(int size) {
        return with(criteria.withBatch(positive(size, "batch")));
    }

    /** Start after this record (exclusive), or after a {@link Key} of the table. */
    public Chain<T> start(Object recordOrKey) {
        return with(criteria.withStart(recordOrKey));
    }

    /** Start after this key, e.g. a {@link Page#lastEvaluatedKey()}. */
    public Chain<T> start(Map<String, AttributeValue> exclusiveStartKey) {
        return with(criteria.withStart(Map.copyOf(exclusiveStartKey)));
    }

    /** Ascending (true, the default) or descending order of the range key; Queries only. */
    public Chain<T> scanIndexForward(boolean ascending) {
        return with(criteria.withForward(ascending));
    }

    public Chain<T> descending() {
        return scanIndexForward(false);
    }

    /**
     * Read only these fields (and the keys): records come back with the other fields null. Saving such a record
     * writes only what you change.
     */
    public Chain<T> project(String... fields) {
        return with(criteria.withProjected(Arrays.asList(fields)));
    }

    /** Strongly consistent reads (not available on global indexes). */
    public Chain<T> consistent() {
        return with(criteria.withConsistent(true));
    }

    /** Scan only this segment of {@code totalSegments} (a worker's share of a parallel scan). */
    public Chain<T> segment(int segment, int totalSegments) {
        if (segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException("segment must be in [0, " + totalSegments + "): " + segment);
        }
        return with(criteria.withSegment(segment, totalSegments));
    }

    /** How this chain reads: Query or Scan, index, key condition, filter, projection. Reads nothing. */
    public Plan explain() {
        return Planner.plan(mapping(engine()), criteria, false);
    }

    /** Every matching record (up to recordLimit), reading all pages. */
    public List<T> all() {
        return stream().toList();
    }

    /** The matching records, lazily: a page is read when the stream reaches it. */
    public Stream<T> stream() {
        Stream<T> records = pages().flatMap(p -> p.records().stream());
        return criteria.recordLimit() == null ? records : records.limit(criteria.recordLimit());
    }

    @Override
    public Iterator<T> iterator() {
        return stream().iterator();
    }

    /** Each response with its records and LastEvaluatedKey, lazily (recordLimit does not cut pages). */
    public Stream<Page<T>> pages() {
        Engine engine = engine();
        ModelMapping mapping = mapping(engine);
        return rawPages(engine, mapping, criteria, false)
                .map(p -> new Page<>(p.items().stream().map(i -> source.loader().load(engine, mapping, i)).toList(), p.lastEvaluatedKey()));
    }

    /** The first matching record in the chain's order. */
    public Optional<T> first() {
        Chain<T> one = criteria.hasFilter() || criteria.batch() != null ? this : with(criteria.withBatch(1));
        return one.with(one.criteria.withRecordLimit(1)).stream().findFirst();
    }

    /** The last matching record: a Query read backwards; a Scan read to its end. */
    public Optional<T> last() {
        if (explain().isQuery()) {
            return with(criteria.withForward(!criteria.forward())).first();
        }
        return stream().reduce((a, b) -> b);
    }

    /** How many records match, counted by DynamoDB (Select COUNT) across pages; capped by recordLimit. */
    public long count() {
        Engine engine = engine();
        long count = rawPages(engine, mapping(engine), criteria, true).mapToLong(Reader.RawPage::count).sum();
        return criteria.recordLimit() == null ? count : Math.min(count, criteria.recordLimit());
    }

    /** Whether any record matches (reading keys only, stopping at the first). */
    public boolean exists() {
        Engine engine = engine();
        ModelMapping mapping = mapping(engine);
        Criteria keysOnly = criteria.withProjected(mapping.keyNames());
        return rawPages(engine, mapping, keysOnly, false).anyMatch(p -> !p.items().isEmpty());
    }

    /** The values of one field of the matching records (reading only that field and the keys). */
    public List<Object> pluck(String field) {
        Engine engine = engine();
        ModelMapping mapping = mapping(engine);
        ModelMapping.MappedField f = mapping.field(field);
        Stream<Object> values = rawPages(engine, mapping, criteria.withProjected(List.of(field)), false)
                .flatMap(p -> p.items().stream()).map(i -> f.load(i.get(f.name())));
        return (criteria.recordLimit() == null ? values : values.limit(criteria.recordLimit())).toList();
    }

    /**
     * Deletes the matching records with BatchWriteItem, page by page, without hooks (Dynamoid's
     * {@code delete_all}); returns how many.
     */
    public long deleteAll() {
        Engine engine = engine();
        ModelMapping mapping = mapping(engine);
        Stream<Map<String, AttributeValue>> keys = rawPages(engine, mapping, criteria.withProjected(mapping.keyNames()), false)
                .flatMap(p -> p.items().stream()).map(mapping::keyOfItem);
        if (criteria.recordLimit() != null) {
            keys = keys.limit(criteria.recordLimit());
        }
        List<Map<String, AttributeValue>> all = keys.toList(); // read fully before deleting, not to disturb paging
        Delete.keys(engine, mapping, all);
        return all.size();
    }

    /** A Scan split in {@code totalSegments} segments read concurrently; records in segment order. */
    public List<T> parallelScan(int totalSegments) {
        positive(totalSegments, "totalSegments");
        Engine engine = engine();
        if (Planner.plan(mapping(engine), criteria, false).isQuery()) {
            throw new IllegalStateException("parallelScan of a chain that is planned as a Query: " + explain());
        }
        Chain<T> bound = new Chain<>(new QuerySource<>(source.type(), () -> engine, source.consistent(), source.loader()), criteria);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(totalSegments, 8));
        try {
            List<CompletableFuture<List<T>>> segments = IntStream.range(0, totalSegments)
                    .mapToObj(s -> CompletableFuture.supplyAsync(() -> bound.segment(s, totalSegments).all(), pool)).toList();
            List<T> records = new ArrayList<>();
            segments.forEach(f -> records.addAll(f.join()));
            return criteria.recordLimit() == null ? records : records.subList(0, Math.min(records.size(), criteria.recordLimit()));
        } finally {
            pool.shutdown();
        }
    }

    private Stream<Reader.RawPage> rawPages(Engine engine, ModelMapping mapping, Criteria c, boolean counting) {
        Plan plan = Planner.plan(mapping, c, counting);
        if (plan.isScan()) {
            if (c.segment() == null || c.segment() == 0) { // one warning per parallel scan
                engine.beforeScan(mapping, "no key condition for " + c.terms());
            }
        } else if (c.segment() != null) {
            throw new IllegalStateException("Segments are for Scans; this chain is planned as " + plan);
        }
        Reader reader = new Reader(engine, mapping, plan, c, startKey(mapping, plan, c.start()), counting);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The ExclusiveStartKey: a record gives the table's and the index's key attributes. */
    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue> startKey(ModelMapping mapping, Plan plan, Object start) {
        if (start == null) {
            return null;
        }
        if (start instanceof Map<?, ?> key) {
            return (Map<String, AttributeValue>) key;
        }
        if (start instanceof Key key) {
            return mapping.key(key);
        }
        Map<String, AttributeValue> item = mapping.dump(start);
        Map<String, AttributeValue> key = new LinkedHashMap<>(mapping.keyOfItem(item));
        if (plan.indexName() != null) {
            mapping.meta().indexes().stream().filter(i -> i.nameOn(mapping.tableName()).equals(plan.indexName())).findFirst()
                    .ifPresent(index -> {
                        key.put(index.hashKey().attributeName(), item.get(index.hashKey().attributeName()));
                        if (index.rangeKey() != null) {
                            key.put(index.rangeKey().attributeName(), item.get(index.rangeKey().attributeName()));
                        }
                    });
        }
        return key;
    }

    private Chain<T> with(Criteria changed) {
        return new Chain<>(source, changed);
    }

    private Engine engine() {
        return source.engine().get();
    }

    private ModelMapping mapping(Engine engine) {
        return engine.mapping(source.type());
    }

    private static int positive(int n, String what) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "Chain of " + source.type().getSimpleName() + " " + criteria;
    }
}
