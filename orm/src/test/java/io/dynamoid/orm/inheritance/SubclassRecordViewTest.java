package io.dynamoid.orm.inheritance;

import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.inheritance.Zoo.Animal;
import io.dynamoid.orm.inheritance.Zoo.Cat;
import io.dynamoid.orm.inheritance.Zoo.Dog;
import io.dynamoid.orm.inheritance.Zoo.Puppy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.cat;
import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.dog;
import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.puppy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Finder.as(Record)} through a subclass reads only items of its class or descendants, as its finder does. */
class SubclassRecordViewTest extends OrmTestBase {

    public record NameCard(String name, String owner) {
    }

    public record DogCard(String name, boolean barks) {
    }

    @BeforeEach
    void emptyTables() {
        dynamoid().createTables(Animal.class);
        dynamoid().truncateTables(Animal.class);
    }

    private static Set<String> names(List<NameCard> cards) {
        return cards.stream().map(NameCard::name).collect(Collectors.toSet());
    }

    @Test
    void aSubclassViewDoesNotFindAnotherClassByKey() {
        Cat tom = cat("Tom", "ann");

        assertTrue(Dog.find.as(NameCard.class).findById(tom.getId()).isEmpty());
        assertThrows(RecordNotFoundException.class, () -> Dog.find.as(NameCard.class).byId(tom.getId()));
    }

    @Test
    void aSubclassViewReadsADescendantByKey() {
        Puppy bit = puppy("Bit", "ann");

        assertEquals(new DogCard("Bit", false), Dog.find.as(DogCard.class).byId(bit.getId()));
    }

    @Test
    void aSubclassViewMissesAnotherClassAmongManyKeys() {
        Dog rex = dog("Rex", "ann");
        Cat tom = cat("Tom", "ann");

        RecordNotFoundException e = assertThrows(RecordNotFoundException.class,
                () -> Dog.find.as(NameCard.class).byIds(List.of(rex.getId(), tom.getId())));

        assertTrue(e.getMessage().startsWith("Couldn't find all Dog records: "), e.getMessage());
        assertEquals(List.of(new DogCard("Rex", true)), Dog.find.as(DogCard.class).byIds(List.of(rex.getId())));
    }

    @Test
    void aSubclassViewListsOnlyItsSubtree() {
        dog("Rex", "ann");
        puppy("Bit", "bob");
        cat("Tom", "ann");

        assertEquals(Set.of("Rex", "Bit"), names(Dog.find.as(NameCard.class).all()));
        assertEquals(Set.of("Tom"), names(Cat.find.as(NameCard.class).all()));
    }

    @Test
    void theBaseViewReadsEveryClass() {
        Dog rex = dog("Rex", "ann");
        cat("Tom", "ann");

        assertEquals(Set.of("Rex", "Tom"), names(Animal.find.as(NameCard.class).all()));
        assertEquals(new NameCard("Rex", "ann"), Animal.find.as(NameCard.class).byId(rex.getId()));
    }
}
