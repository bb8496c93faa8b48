package io.dynamoid.orm.criteria;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.ScanProhibitedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.dynamoid.orm.criteria.Condition.beginsWith;
import static io.dynamoid.orm.criteria.Condition.between;
import static io.dynamoid.orm.criteria.Condition.contains;
import static io.dynamoid.orm.criteria.Condition.gt;
import static io.dynamoid.orm.criteria.Condition.gte;
import static io.dynamoid.orm.criteria.Condition.in;
import static io.dynamoid.orm.criteria.Condition.isNull;
import static io.dynamoid.orm.criteria.Condition.lt;
import static io.dynamoid.orm.criteria.Condition.lte;
import static io.dynamoid.orm.criteria.Condition.ne;
import static io.dynamoid.orm.criteria.Condition.notContains;
import static io.dynamoid.orm.criteria.Condition.notNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What chains return, on a fixed data set: ann wrote posts on days 0-9 (score = 10 × day; Paris on even days,
 * else Lyon; "tech" every third day, else "life"; DRAFT before day 5; tags {a, even|odd}; a note on day 3 only),
 * bob on days 0-2 (Nice, "food", score 100 + day). Small batches make every read span several pages.
 */
class ChainTest extends OrmTestBase {

    @BeforeAll
    static void seed() throws Exception {
        try (Dynamoid.Scope scope = dynamoid().makeCurrent()) {
            seed(Post.find);
        }
    }

    static void seed(io.dynamoid.orm.Finder<Post> find) {
        for (int day = 0; day < 10; day++) {
            int d = day;
            find.create(p -> fill(p, "ann", d, d % 2 == 0 ? "Paris" : "Lyon", d % 3 == 0 ? "tech" : "life", 10 * d,
                    d < 5 ? Post.Status.DRAFT : Post.Status.PUBLISHED, Set.of("a", d % 2 == 0 ? "even" : "odd")));
        }
        for (int day = 0; day < 3; day++) {
            int d = day;
            find.create(p -> fill(p, "bob", d, "Nice", "food", 100 + d, Post.Status.PUBLISHED, Set.of("b")));
        }
    }

    private static void fill(Post p, String author, int day, String city, String category, int score, Post.Status status, Set<String> tags) {
        p.author = author;
        p.postedAt = day(day);
        p.title = author + " day " + day;
        p.city = city;
        p.category = category;
        p.score = score;
        p.status = status;
        p.tags = tags;
        p.note = author.equals("ann") && day == 3 ? "hello world" : null;
    }

    private static Instant day(int day) {
        return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day);
    }

    private static Chain<Post> ann() {
        return Post.find.where("author", "ann").batch(2);
    }

    private static List<Integer> scores(Chain<Post> chain) {
        return chain.all().stream().map(p -> p.score).toList();
    }

    private static List<Integer> scores(int... values) {
        return IntStream.of(values).boxed().toList();
    }

    // --- operators

    @Test
    void aQueryReadsEveryPageInRangeKeyOrder() {
        assertEquals(scores(0, 10, 20, 30, 40, 50, 60, 70, 80, 90), scores(ann()));
    }

    @Test
    void eqFiltersByTheFieldCodecValue() {
        assertEquals(scores(50, 60, 70, 80, 90), scores(ann().where("status", Post.Status.PUBLISHED)));
    }

    @Test
    void neExcludesTheValue() {
        assertEquals(scores(0, 20, 40, 60, 80), scores(ann().where("city", ne("Lyon"))));
    }

    @Test
    void gtAndLtOnTheRangeKeyCompareDates() {
        assertEquals(scores(80, 90), scores(ann().where("postedAt", gt(day(7)))));
        assertEquals(scores(0, 10), scores(ann().where("postedAt", lt(day(2)))));
    }

    @Test
    void gteAndLteIncludeTheBound() {
        assertEquals(scores(70, 80, 90), scores(ann().where("score", gte(70))));
        assertEquals(scores(0, 10, 20), scores(ann().where("score", lte(20))));
    }

    @Test
    void betweenIncludesBothBounds() {
        assertEquals(scores(30, 40, 50), scores(ann().where("score", between(30, 50))));
    }

    @Test
    void beginsWithMatchesAPrefix() {
        assertEquals(scores(0), scores(Post.find.where("author", "ann").where("title", beginsWith("ann day 0"))));
    }

    @Test
    void inMatchesAnyOfTheValues() {
        assertEquals(scores(0, 30, 60, 90), scores(ann().where("category", in("tech", "food"))));
    }

    @Test
    void containsAndNotContainsTestSetElements() {
        assertEquals(scores(10, 30, 50, 70, 90), scores(ann().where("tags", contains("odd"))));
        assertEquals(scores(0, 20, 40, 60, 80), scores(ann().where("tags", notContains("odd"))));
    }

    @Test
    void containsOnAStringFieldFindsASubstring() {
        assertEquals(scores(30), scores(ann().where("note", contains("world"))));
    }

    @Test
    void isNullAndNotNullTestPresence() {
        assertEquals(9, ann().where("note", isNull()).all().size());
        assertEquals(scores(30), scores(ann().where("note", notNull())));
        assertEquals(9, ann().where("note", (Object) null).all().size());
    }

    @Test
    void aRawFilterCombinesWithConditions() {
        Chain<Post> chain = ann().where("city", "Paris").where("score < :max OR note = :n", Map.of(":max", 30, ":n", "hello world"));
        assertEquals(scores(0, 20), scores(chain));
    }

    // --- indexes

    @Test
    void aGlobalIndexServesItsHashKey() {
        Chain<Post> chain = Post.find.where("city", "Nice").batch(1);
        assertEquals("by_city", chain.explain().indexName());
        assertEquals(scores(100, 101, 102), scores(chain));
    }

    @Test
    void aLocalIndexServesARangeConditionOnItsRangeKey() {
        Chain<Post> chain = ann().where("score", between(30, 50)).descending();
        assertEquals("by_score", chain.explain().indexName());
        assertEquals(scores(50, 40, 30), scores(chain));
    }

    @Test
    void anExplicitKeysOnlyIndexReturnsWholeRecords() {
        List<Post> posts = ann().where("title", beginsWith("ann day")).withIndex("by_title").all();

        assertEquals(10, posts.size());
        assertTrue(posts.stream().allMatch(p -> p.city != null && p.tags != null));
    }

    @Test
    void aProjectionServedByAnIncludeIndexReadsOnlyThoseFields() {
        List<Post> posts = Post.find.where("category", "food").project("title").batch(1).all();

        assertEquals(Set.of("bob day 0", "bob day 1", "bob day 2"), new HashSet<>(posts.stream().map(p -> p.title).toList()));
        assertTrue(posts.stream().allMatch(p -> p.city == null && "bob".equals(p.author)));
    }

    // --- scans

    @Test
    void withoutAHashEqualityTheChainScans() {
        Chain<Post> chain = Post.find.where("score", gte(90)).batch(3);
        assertTrue(chain.explain().isScan());
        assertEquals(Set.of(90, 100, 101, 102), new HashSet<>(scores(chain)));
    }

    @Test
    void errorOnScanRefusesAScanButNotAQuery() {
        Dynamoid strict = orm.another(c -> c.errorOnScan(true));
        seed(Post.find.on(strict));

        assertThrows(ScanProhibitedException.class, () -> Post.find.on(strict).where("score", gte(90)).all());
        assertEquals(3, Post.find.on(strict).where("author", "bob").all().size());
    }

    @Test
    void parallelScanReadsEverySegment() {
        List<Post> posts = Post.find.query().batch(2).parallelScan(3);
        assertEquals(13, posts.size());
    }

    @Test
    void segmentsPartitionTheTable() {
        int total = 0;
        for (int s = 0; s < 2; s++) {
            total += Post.find.query().segment(s, 2).all().size();
        }
        assertEquals(13, total);
    }

    @Test
    void segmentsAndParallelScansAreRefusedForAQuery() {
        assertThrows(IllegalStateException.class, () -> ann().segment(0, 2).all());
        assertThrows(IllegalStateException.class, () -> ann().parallelScan(2));
    }

    // --- chain methods

    @Test
    void pagesCarryTheirLastEvaluatedKey() {
        List<Page<Post>> pages = Post.find.where("author", "ann").batch(3).pages().toList();

        assertEquals(List.of(3, 3, 3, 1), pages.stream().map(p -> p.records().size()).toList());
        assertNotNull(pages.get(0).lastEvaluatedKey());
        assertTrue(pages.get(3).isLast());
    }

    @Test
    void startResumesAfterAPageKey() {
        Page<Post> firstPage = Post.find.where("author", "ann").batch(4).pages().findFirst().orElseThrow();

        assertEquals(scores(40, 50, 60, 70, 80, 90), scores(ann().start(firstPage.lastEvaluatedKey())));
    }

    @Test
    void startResumesAfterARecordOrAKey() {
        Post third = ann().all().get(2);

        assertEquals(scores(30, 40), scores(ann().start(third).recordLimit(2)));
        assertEquals(scores(30, 40), scores(ann().start(Key.of("ann", day(2))).recordLimit(2)));
    }

    @Test
    void startOnAnIndexUsesTheIndexKeysOfTheRecord() {
        Post second = Post.find.where("city", "Nice").all().get(1);
        assertEquals(scores(102), scores(Post.find.where("city", "Nice").start(second)));
    }

    @Test
    void firstAndLastFollowTheRangeKeyOrder() {
        assertEquals(0, Post.find.where("author", "ann").first().orElseThrow().score);
        assertEquals(90, Post.find.where("author", "ann").last().orElseThrow().score);
        assertEquals(80, ann().where("status", Post.Status.PUBLISHED).where("city", "Paris").last().orElseThrow().score);
    }

    @Test
    void firstOfNothingIsEmpty() {
        assertTrue(Post.find.where("author", "nobody").first().isEmpty());
    }

    @Test
    void lastOfAScanIsTheLastScanned() {
        List<Post> all = Post.find.where("score", gte(0)).all();
        assertEquals(all.get(all.size() - 1).key(), Post.find.where("score", gte(0)).batch(5).last().orElseThrow().key());
    }

    @Test
    void countCountsFilteredItemsAcrossPages() {
        assertEquals(5, ann().where("city", "Paris").count());
        assertEquals(4, Post.find.where("score", gte(90)).batch(2).count());
    }

    @Test
    void countOfAProjectionServedByAnIndex() {
        assertEquals(3, Post.find.where("category", "food").batch(1).count());
    }

    @Test
    void existsTellsWhetherAnythingMatches() {
        assertTrue(ann().where("score", 90).exists());
        assertFalse(ann().where("score", 91).exists());
    }

    @Test
    void recordLimitStopsAfterThatManyRecords() {
        assertEquals(scores(50, 70, 90), scores(ann().where("tags", contains("odd")).where("score", gte(40)).recordLimit(3)));
        assertEquals(3, ann().recordLimit(3).count());
    }

    @Test
    void scanLimitBoundsTheItemsEvaluated() {
        // only days 0-3 are evaluated; the filter keeps the Lyon ones among them
        assertEquals(scores(10, 30), scores(ann().where("city", "Lyon").scanLimit(4)));
        assertEquals(2, ann().where("city", "Lyon").scanLimit(4).count());
    }

    @Test
    void projectReadsOnlyTheNamedFields() {
        Post post = ann().project("score").first().orElseThrow();

        assertEquals("ann", post.author);
        assertEquals(day(0), post.postedAt);
        assertNull(post.city);
    }

    @Test
    void pluckReturnsOneFieldConvertedByItsCodec() {
        assertEquals(List.of(day(8), day(9)), ann().where("score", gte(80)).pluck("postedAt"));
    }

    @Test
    void consistentReadsSeeTheLatestWrite() {
        assertEquals(10, ann().consistent().all().size());
    }

    @Test
    void streamIsLazyAndIterable() {
        assertEquals(scores(0, 10), ann().stream().limit(2).map(p -> p.score).toList());
        int n = 0;
        for (Post ignored : ann()) {
            n++;
        }
        assertEquals(10, n);
    }

    @Test
    void chainsAreImmutable() {
        Chain<Post> base = ann();
        Chain<Post> narrowed = base.where("city", "Paris");

        assertEquals(10, base.all().size());
        assertEquals(5, narrowed.all().size());
    }

    @Test
    void deleteAllDeletesOnlyTheMatchingRecords() {
        Dynamoid other = orm.another(c -> c);
        seed(Post.find.on(other));

        long deleted = Post.find.on(other).where("author", "ann").where("city", "Paris").batch(2).deleteAll();

        assertEquals(5, deleted);
        assertEquals(scores(10, 30, 50, 70, 90), scores(Post.find.on(other).where("author", "ann")));
        assertEquals(3, Post.find.on(other).where("author", "bob").count());
    }
}
