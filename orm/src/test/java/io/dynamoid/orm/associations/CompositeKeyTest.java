package io.dynamoid.orm.associations;

import io.dynamoid.orm.Key;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Associations to and from hash + range models, stored as "hash|range" with \ and | escaped. */
class CompositeKeyTest extends OrmTestBase {

    static Map<String, AttributeValue> bookKey(long shelf, String slot) {
        return Map.of("shelf", AttributeValue.fromN(Long.toString(shelf)), "slot", AttributeValue.fromS(slot));
    }

    static Author author(String name) {
        Author author = new Author();
        author.name = name;
        author.save();
        return author;
    }

    static List<String> slots(List<Book> books) {
        return books.stream().map(b -> b.shelf + "/" + b.slot).sorted().toList();
    }

    @Test
    void hasManyStoresCompositeTargetKeysAsHashBarRange() {
        Author ursula = author("Ursula");

        ursula.books.addAll(List.of(Book.at(1, "a"), Book.at(12, "b")));

        assertEquals(Set.of("12|b", "1|a"), Set.copyOf(storedItem(Author.class, idKey(ursula.getId())).get("books_ids").ss()));
        assertEquals(Set.of(Key.of(1L, "a"), Key.of(12L, "b")), Author.find.byId(ursula.getId()).books.keys());
    }

    @Test
    void hasManyLoadsCompositeTargets() {
        Author ursula = author("Ursula");
        ursula.books.create(b -> {
            b.shelf = 3;
            b.slot = "c";
            b.title = "The Dispossessed";
        });

        List<Book> books = Author.find.byId(ursula.getId()).books.all();

        assertEquals(List.of("The Dispossessed"), books.stream().map(b -> b.title).toList());
    }

    @Test
    void belongsToFromACompositeModel() {
        Author ursula = author("Ursula");
        Book book = Book.at(4, "d");

        book.author.set(ursula);

        assertEquals(AttributeValue.fromSs(List.of(ursula.getId())), storedItem(Book.class, bookKey(4, "d")).get("author_ids"));
        assertEquals("Ursula", Book.find.byId(4L, "d").author.get().orElseThrow().name);
        assertEquals(List.of("4/d"), slots(ursula.reload().books.all()));
    }

    @Test
    void separatorAndEscapeCharactersInKeysRoundTrip() {
        Book book = Book.at(5, "shelf|left\\top");
        Tag tag = Tag.of("genre|sf", "a\\b|c");

        book.tags.add(tag);

        assertEquals(AttributeValue.fromSs(List.of("genre\\|sf|a\\\\b\\|c")), storedItem(Book.class, bookKey(5, "shelf|left\\top")).get("tags_ids"));
        assertEquals(Set.of(Key.of("genre|sf", "a\\b|c")), Book.find.byId(5L, "shelf|left\\top").tags.keys());
        assertEquals(List.of("5/shelf|left\\top"), slots(Tag.find.byId("genre|sf", "a\\b|c").books.all()));
    }

    @Test
    void hasAndBelongsToManyBetweenCompositeModels() {
        Book dune = Book.at(6, "e");
        Book foundation = Book.at(6, "f");
        Tag classic = Tag.of("genre", "classic");

        classic.books.addAll(List.of(dune, foundation));

        assertEquals(List.of("6/e", "6/f"), slots(classic.books.all()));
        assertEquals(List.of("classic"), Book.find.byId(6L, "e").tags.all().stream().map(t -> t.label).toList());
    }

    @Test
    void destroyingACompositeRecordUnlinksItsInverseSides() {
        Author ursula = author("Ursula");
        Book book = ursula.books.create(b -> {
            b.shelf = 9;
            b.slot = "g";
        });
        Tag tag = Tag.of("genre", "sf");
        book.tags.add(tag);

        book.destroy();

        assertTrue(ursula.reload().books.isEmpty());
        assertTrue(tag.reload().books.isEmpty());
    }

    @Test
    void removeUnlinksCompositeTargets() {
        Author ursula = author("Ursula");
        Book book = Book.at(10, "h");
        ursula.books.add(book);

        ursula.books.remove(book);

        assertTrue(ursula.reload().books.isEmpty());
        assertFalse(Book.find.byId(10L, "h").author.isPresent());
    }
}
