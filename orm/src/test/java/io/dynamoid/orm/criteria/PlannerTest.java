package io.dynamoid.orm.criteria;

import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static io.dynamoid.orm.criteria.Condition.beginsWith;
import static io.dynamoid.orm.criteria.Condition.between;
import static io.dynamoid.orm.criteria.Condition.gt;
import static io.dynamoid.orm.criteria.Condition.gte;
import static io.dynamoid.orm.criteria.Condition.in;
import static io.dynamoid.orm.criteria.Condition.ne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which read a chain plans: explain() reads nothing. */
class PlannerTest extends OrmTestBase {

    @Test
    void theHashKeyAloneQueriesTheTable() {
        Plan plan = Post.find.where("author", "ann").explain();

        assertTrue(plan.isQuery());
        assertNull(plan.indexName());
        assertEquals("author = :q0", plan.resolve(plan.keyCondition()));
        assertNull(plan.filter());
        assertEquals(AttributeValue.fromS("ann"), plan.values().get(":q0"));
    }

    @Test
    void aRangeConditionGoesIntoTheKeyConditionConvertedByTheFieldCodec() {
        Instant since = Instant.parse("2024-01-03T00:00:00Z");

        Plan plan = Post.find.where("author", "ann").where("postedAt", gte(since)).explain();

        assertNull(plan.indexName());
        assertEquals("author = :q0 AND postedAt >= :q1", plan.resolve(plan.keyCondition()));
        assertEquals(AttributeValue.fromN(String.valueOf(since.getEpochSecond())), plan.values().get(":q1"));
    }

    @Test
    void otherConditionsGoIntoTheFilter() {
        Plan plan = Post.find.where("author", "ann").where("status", Post.Status.DRAFT).where("note", ne("x")).explain();

        assertEquals("author = :q0", plan.resolve(plan.keyCondition()));
        assertEquals("status = :q1 AND note <> :q2", plan.resolve(plan.filter()));
        assertEquals(AttributeValue.fromS("DRAFT"), plan.values().get(":q1"));
    }

    @Test
    void aConditionOnALocalIndexRangeKeyQueriesThatIndex() {
        Plan plan = Post.find.where("author", "ann").where("score", between(10, 30)).explain();

        assertEquals("by_score", plan.indexName());
        assertEquals("author = :q0 AND score BETWEEN :q1 AND :q2", plan.resolve(plan.keyCondition()));
    }

    @Test
    void anEqualityOnAGlobalIndexHashKeyQueriesThatIndex() {
        Plan plan = Post.find.where("city", "Paris").where("score", gt(5)).explain();

        assertTrue(plan.isQuery());
        assertEquals("by_city", plan.indexName());
        assertEquals("city = :q0 AND score > :q1", plan.resolve(plan.keyCondition()));
    }

    @Test
    void theTableWithARangeConditionIsPreferredToAnIndexWithout() {
        Plan plan = Post.find.where("city", "Paris").where("author", "ann").where("postedAt", gt(Instant.EPOCH)).explain();

        assertNull(plan.indexName());
        assertEquals("city = :q2", plan.resolve(plan.filter()));
    }

    @Test
    void anIndexNotProjectingEverythingIsPassedByForWholeRecords() {
        Plan plan = Post.find.where("category", "tech").explain();

        assertTrue(plan.isScan());
        assertEquals("category = :q0", plan.resolve(plan.filter()));
    }

    @Test
    void anIndexProjectingWhatIsReadIsUsed() {
        Plan plan = Post.find.where("category", "tech").project("title").explain();

        assertEquals("by_category", plan.indexName());
        assertFalse(plan.fetchesFullItems());
        assertEquals("author, postedAt, title", plan.resolve(plan.projection()));
    }

    @Test
    void anExplicitIndexOverridesThePlanner() {
        Plan plan = Post.find.where("author", "ann").where("title", beginsWith("ann")).withIndex("by_title").explain();

        assertEquals("by_title", plan.indexName());
        assertEquals("author = :q0 AND begins_with(title, :q1)", plan.resolve(plan.keyCondition()));
        assertTrue(plan.fetchesFullItems()); // KEYS_ONLY: full items are read by BatchGetItem
    }

    @Test
    void anExplicitIndexNeedsAnEqualityOnItsHashKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Post.find.where("author", "ann").withIndex("by_city").explain());
        assertEquals("Querying index 'by_city' needs an equality condition on its hash key 'city'", e.getMessage());
    }

    @Test
    void anUnknownIndexIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Post.find.where("author", "ann").withIndex("nope").explain());
        assertTrue(e.getMessage().contains("by_score"), e.getMessage());
    }

    @Test
    void noHashEqualityMeansAScan() {
        Plan plan = Post.find.where("author", in("ann", "bob")).explain();

        assertTrue(plan.isScan());
        assertNull(plan.keyCondition());
        assertEquals("author IN (:q0, :q1)", plan.resolve(plan.filter()));
    }

    @Test
    void aRawFilterKeepsItsPlaceholdersBesideTheConditions() {
        Plan plan = Post.find.where("author", "ann").where("score", gt(1)).where("status", Post.Status.DRAFT)
                .where("score < :max OR note = :n", Map.of(":max", 100, ":n", "x")).explain();

        assertEquals("by_score", plan.indexName());
        assertEquals("status = :q2 AND (score < :max OR note = :n)", plan.resolve(plan.filter()));
        assertEquals(AttributeValue.fromN("100"), plan.values().get(":max"));
    }

    @Test
    void aRawPlaceholderCollidingWithTheOrmsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Post.find.where("author", "ann").where("score > :q0", Map.of(":q0", 1)).explain());
        assertEquals("Value placeholder ':q0' is used twice (:q<n> are the ORM's own)", e.getMessage());
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThrows(io.dynamoid.orm.UnknownAttributeException.class, () -> Post.find.where("nope", 1).explain());
    }
}
