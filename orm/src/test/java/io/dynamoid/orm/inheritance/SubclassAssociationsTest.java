package io.dynamoid.orm.inheritance;

import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.inheritance.Zoo.Animal;
import io.dynamoid.orm.inheritance.Zoo.Cat;
import io.dynamoid.orm.inheritance.Zoo.Dog;
import io.dynamoid.orm.inheritance.Zoo.Keeper;
import io.dynamoid.orm.inheritance.Zoo.Puppy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.cat;
import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.dog;
import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.puppy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Associations whose target is a subclass of a single-table hierarchy ({@code HasMany<Dog>}, {@code HasOne<Cat>}). */
class SubclassAssociationsTest extends OrmTestBase {

    @BeforeEach
    void emptyTables() {
        dynamoid().createTables(Animal.class, Keeper.class);
        dynamoid().truncateTables(Animal.class, Keeper.class);
    }

    private static Keeper keeper(String name) {
        return Keeper.find.create(k -> k.name = name);
    }

    /** Stores a key in an association attribute behind the ORM's back, as another writer could. */
    private static void storeKey(Keeper keeper, String attribute, String key) {
        client().updateItem(b -> b.tableName(dynamoid().tableName(Keeper.class)).key(idKey(keeper.getId()))
                .updateExpression("ADD #a :k").expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromSs(List.of(key)))));
    }

    @Test
    void aHasManyOfASubclassLoadsEachTargetAsItsClass() {
        Keeper ann = keeper("Ann");
        Dog rex = dog("Rex", "ann");
        Puppy bit = puppy("Bit", "ann");

        ann.dogs.addAll(List.of(rex, bit));

        Map<String, Class<?>> loaded = Keeper.find.byId(ann.getId()).dogs.all().stream()
                .collect(Collectors.toMap(d -> d.name, Object::getClass));
        assertEquals(Map.of("Rex", Dog.class, "Bit", Puppy.class), loaded);
    }

    @Test
    void theInverseBelongsToOfASubclassIsKeptInStep() {
        Keeper ann = keeper("Ann");
        Puppy bit = puppy("Bit", "ann");

        ann.dogs.add(bit);

        assertEquals(ann.getId(), Dog.find.byId(bit.getId()).keeper.get().orElseThrow().getId());
    }

    @Test
    void anInheritedBelongsToFindsItsInverseByTheDeclaringClassName() {
        Keeper ann = keeper("Ann");
        Puppy bit = puppy("Bit", "ann");

        bit.keeper.set(ann); // declared by Dog: its inverse is Keeper.dogs, not a Keeper.puppies

        assertEquals(List.of(bit.getId()), Keeper.find.byId(ann.getId()).dogs.all().stream().map(Dog::getId).toList());
    }

    @Test
    void aHasManyOfASubclassDoesNotLoadASiblingsItem() {
        Keeper ann = keeper("Ann");
        Dog rex = dog("Rex", "ann");
        Cat tom = cat("Tom", "ann");
        ann.dogs.add(rex);

        storeKey(ann, "dogs_ids", tom.getId());

        Keeper reloaded = Keeper.find.byId(ann.getId());
        assertEquals(Set.of(rex.getId(), tom.getId()), reloaded.dogs.keys().stream().map(k -> k.hash()).collect(Collectors.toSet()),
                "both keys are stored");
        assertEquals(List.of(rex.getId()), reloaded.dogs.all().stream().map(Dog::getId).toList());
    }

    @Test
    void aHasOneOfASubclassDoesNotLoadASiblingsItem() {
        Keeper ann = keeper("Ann");
        Cat tom = cat("Tom", "ann");
        ann.cat.set(tom);
        assertEquals(tom.getId(), Keeper.find.byId(ann.getId()).cat.get().orElseThrow().getId());

        Dog rex = dog("Rex", "ann");
        client().updateItem(b -> b.tableName(dynamoid().tableName(Keeper.class)).key(idKey(ann.getId()))
                .updateExpression("SET cat_ids = :k").expressionAttributeValues(Map.of(":k", AttributeValue.fromSs(List.of(rex.getId())))));

        Keeper reloaded = Keeper.find.byId(ann.getId());
        assertTrue(reloaded.cat.isPresent(), "a key is stored");
        assertTrue(reloaded.cat.get().isEmpty(), "but it is a Dog's");
    }
}
