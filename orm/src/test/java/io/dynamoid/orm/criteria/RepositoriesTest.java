package io.dynamoid.orm.criteria;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Derived finders on the data set of {@link ChainTest}. */
class RepositoriesTest extends OrmTestBase {

    interface PostRepository {
        List<Post> findByAuthor(String author);

        List<Post> findByAuthorAndScoreGreaterThanEqual(String author, int score);

        Optional<Post> findFirstByAuthorOrderByPostedAtDesc(String author);

        Post findFirstByCityAndScoreBetween(String city, int low, int high);

        Stream<Post> findByAuthorAndTagsContaining(String author, String tag);

        Chain<Post> findByCity(String city);

        long countByCity(String city);

        int countByAuthorAndNoteIsNotNull(String author);

        boolean existsByTitle(String title);

        default List<Integer> scoresOf(String author) {
            return findByAuthor(author).stream().map(p -> p.score).toList();
        }
    }

    interface DeletingRepository {
        long deleteByAuthorAndCity(String author, String city);
    }

    interface UnknownField {
        List<Post> findByTown(String town);
    }

    interface WrongArity {
        List<Post> findByAuthorAndCity(String author);
    }

    interface OrderByNonKey {
        List<Post> findByAuthorOrderByCityDesc(String author);
    }

    private static PostRepository posts;

    @BeforeAll
    static void seed() throws Exception {
        try (Dynamoid.Scope scope = dynamoid().makeCurrent()) {
            ChainTest.seed(Post.find);
        }
        posts = Repositories.of(PostRepository.class, Post.find);
    }

    @Test
    void findByAFieldReturnsTheMatchingRecords() {
        assertEquals(3, posts.findByAuthor("bob").size());
    }

    @Test
    void operatorSuffixesTakeTheirArgumentsInOrder() {
        assertEquals(List.of(80, 90), posts.findByAuthorAndScoreGreaterThanEqual("ann", 80).stream().map(p -> p.score).toList());
        assertEquals(101, posts.findFirstByCityAndScoreBetween("Nice", 101, 102).score);
        assertEquals(5, posts.findByAuthorAndTagsContaining("ann", "even").count());
    }

    @Test
    void orderByDescReadsTheRangeKeyBackwards() {
        assertEquals(Instant.parse("2024-01-10T00:00:00Z"), posts.findFirstByAuthorOrderByPostedAtDesc("ann").orElseThrow().postedAt);
    }

    @Test
    void aFirstOfNothingIsNullOrEmpty() {
        assertNull(posts.findFirstByCityAndScoreBetween("Nowhere", 0, 1));
        assertTrue(posts.findFirstByAuthorOrderByPostedAtDesc("nobody").isEmpty());
    }

    @Test
    void aChainReturnTypeCanBeRefined() {
        Chain<Post> paris = posts.findByCity("Paris");
        assertEquals("by_city", paris.explain().indexName());
        assertEquals(2, paris.recordLimit(2).all().size());
    }

    @Test
    void countAndExists() {
        assertEquals(5, posts.countByCity("Lyon"));
        assertEquals(1, posts.countByAuthorAndNoteIsNotNull("ann"));
        assertTrue(posts.existsByTitle("bob day 2"));
        assertFalse(posts.existsByTitle("bob day 3"));
    }

    @Test
    void defaultMethodsRunAsWritten() {
        assertEquals(List.of(100, 101, 102), posts.scoresOf("bob"));
    }

    @Test
    void deleteByDeletesTheMatchingRecords() {
        Dynamoid other = orm.another(c -> c);
        ChainTest.seed(Post.find.on(other));
        DeletingRepository repository = Repositories.of(DeletingRepository.class, Post.find.on(other));

        assertEquals(5, repository.deleteByAuthorAndCity("ann", "Lyon"));
        assertEquals(0, Post.find.on(other).where("author", "ann").where("city", "Lyon").count());
        assertEquals(5, Post.find.on(other).where("author", "ann").count());
    }

    @Test
    void anUnknownFieldIsRefusedAtCreation() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Repositories.of(UnknownField.class, Post.find));
        assertEquals("UnknownField.findByTown: Post has no field 'town'", e.getMessage());
    }

    @Test
    void aWrongNumberOfArgumentsIsRefusedAtCreation() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Repositories.of(WrongArity.class, Post.find));
        assertEquals("WrongArity.findByAuthorAndCity: the name takes 2 argument(s), the method has 1", e.getMessage());
    }

    @Test
    void orderingByAFieldThatIsNoRangeKeyIsRefusedAtCreation() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Repositories.of(OrderByNonKey.class, Post.find));
        assertTrue(e.getMessage().contains("cannot order by 'city'"), e.getMessage());
    }
}
