package io.dynamoid.orm;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFinderTest extends OrmTestBase {

    public static class Member extends Model<Member> {
        public static final Finder<Member> find = Finder.of(Member.class);
        public String name;
        public int age;
        public LocalDate joined;
        public String secret;
    }

    public record Card(String name, int age, LocalDate joined) {
    }

    public record Mismatch(Long name) {
    }

    private static Member member(String name, int age) {
        return Member.find.create(m -> {
            m.name = name;
            m.age = age;
            m.joined = LocalDate.of(2020, 1, 1);
            m.secret = "hidden";
        });
    }

    @Test
    void aRecordReadsTheFieldsOfTheSameNames() {
        Member m = member("Ann", 30);

        Card card = Member.find.as(Card.class).byId(m.getId());

        assertEquals(new Card("Ann", 30, LocalDate.of(2020, 1, 1)), card);
    }

    @Test
    void aMissingRecordIsEmptyOrRecordNotFound() {
        member("Someone", 1);

        assertTrue(Member.find.as(Card.class).findById("nobody").isEmpty());
        assertThrows(RecordNotFoundException.class, () -> Member.find.as(Card.class).byId("nobody"));
    }

    @Test
    void manyRecordsComeInTheOrderAsked() {
        Member a = member("A", 1);
        Member b = member("B", 2);

        List<Card> cards = Member.find.as(Card.class).byIds(List.of(b.getId(), a.getId()));

        assertEquals(List.of("B", "A"), cards.stream().map(Card::name).toList());
    }

    @Test
    void allProjectsEveryItem() {
        Dynamoid d = orm.another(c -> c);
        Member.find.on(d).create(m -> m.name = "only");

        assertEquals(List.of(new Card("only", 0, null)), Member.find.on(d).as(Card.class).all());
    }

    @Test
    void aComponentOfAnotherTypeThanItsFieldIsADefinitionError() {
        assertThrows(ModelDefinitionException.class, () -> Member.find.as(Mismatch.class).findById("x"));
    }
}
