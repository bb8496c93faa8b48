package io.dynamoid.orm.inheritance;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Inheritance;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Abstract classes below a hierarchy's base: one with concrete descendants is read through like a concrete
 * subclass (its reads return those descendants); one without any is refused, since no item could be of it.
 */
class AbstractClassesTest extends OrmTestBase {

    @Inheritance(subclasses = {Mammal.class, Whale.class, Bat.class, Fish.class})
    public static class Creature extends Model<Creature> {
        public static final Finder<Creature> find = Finder.of(Creature.class);
        public String name;
    }

    public abstract static class Mammal extends Creature {
        public static final Finder<Mammal> find = Finder.of(Mammal.class);
    }

    public static class Whale extends Mammal {
    }

    public static class Bat extends Mammal {
    }

    public static class Fish extends Creature {
    }

    @Inheritance(subclasses = Ghost.class)
    public static class Haunt extends Model<Haunt> {
        public static final Finder<Haunt> find = Finder.of(Haunt.class);
    }

    /** No concrete class extends it. */
    public abstract static class Ghost extends Haunt {
        public static final Finder<Ghost> find = Finder.of(Ghost.class);
    }

    @BeforeEach
    void emptyTable() {
        dynamoid().createTables(Creature.class);
        dynamoid().truncateTables(Creature.class);
    }

    private static <T extends Creature> T created(Finder<T> finder, String name) {
        return finder.create(c -> c.name = name);
    }

    @Test
    void aQueryThroughAnAbstractClassReturnsItsConcreteDescendants() {
        created(Finder.of(Whale.class), "Moby");
        created(Finder.of(Bat.class), "Bruce");
        created(Finder.of(Fish.class), "Nemo");

        List<Mammal> mammals = Mammal.find.all().stream().sorted(Comparator.comparing(m -> m.name)).toList();

        assertEquals(List.of("Bruce", "Moby"), mammals.stream().map(m -> m.name).toList());
        assertInstanceOf(Bat.class, mammals.get(0));
        assertInstanceOf(Whale.class, mammals.get(1));
        assertEquals(List.of("Moby"), Mammal.find.where("name", "Moby").all().stream().map(m -> m.name).toList());
        assertTrue(Mammal.find.where("name", "Nemo").all().isEmpty(), "a fish is no mammal");
    }

    @Test
    void aReadByKeyThroughAnAbstractClassFindsOnlyItsDescendants() {
        Whale moby = created(Finder.of(Whale.class), "Moby");
        Fish nemo = created(Finder.of(Fish.class), "Nemo");

        assertInstanceOf(Whale.class, Mammal.find.byId(moby.getId()));
        assertTrue(Mammal.find.findById(nemo.getId()).isEmpty());
    }

    @Test
    void anAbstractClassCannotCreateRecords() {
        assertThrows(ModelDefinitionException.class, () -> Mammal.find.create(m -> m.name = "Ghost"));
    }

    @Test
    void aWriteByKeyThroughAnAbstractClassUpdatesOnlyItsDescendants() {
        Whale moby = created(Finder.of(Whale.class), "Moby");
        Fish nemo = created(Finder.of(Fish.class), "Nemo");

        Mammal.find.updateFields(moby.getId(), Map.of("name", "Moby Dick"));
        Mammal.find.updateFields(nemo.getId(), Map.of("name", "Dory"));

        assertEquals("Moby Dick", Creature.find.byId(moby.getId()).name);
        assertEquals("Nemo", Creature.find.byId(nemo.getId()).name);
    }

    @Test
    void anAbstractClassWithoutConcreteDescendantIsRefusedBeforeAnyRequest() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Ghost.find.all());
        assertTrue(e.getMessage().contains("Ghost is abstract and no concrete class of Haunt's hierarchy extends it"), e.getMessage());
        assertThrows(ModelDefinitionException.class, () -> dynamoid().createTables(Haunt.class), "the whole hierarchy is refused");
    }
}
