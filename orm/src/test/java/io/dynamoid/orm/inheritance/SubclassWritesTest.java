package io.dynamoid.orm.inheritance;

import io.dynamoid.orm.InvalidValueException;
import io.dynamoid.orm.OrmExtension;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.TransactionCanceledException;
import io.dynamoid.orm.inheritance.Zoo.Animal;
import io.dynamoid.orm.inheritance.Zoo.Car;
import io.dynamoid.orm.inheritance.Zoo.Cat;
import io.dynamoid.orm.inheritance.Zoo.Dog;
import io.dynamoid.orm.inheritance.Zoo.Puppy;
import io.dynamoid.orm.inheritance.Zoo.Truck;
import io.dynamoid.orm.inheritance.Zoo.Vehicle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.cat;
import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.dog;
import static io.dynamoid.orm.inheritance.SingleTableInheritanceTest.puppy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single-table inheritance in the finder's writes that do not read first (update_fields, upsert, inc) and in
 * update: through a subclass they touch only items of its class or descendants, and an item they create stores
 * the type name.
 */
class SubclassWritesTest extends OrmTestBase {

    @BeforeEach
    void emptyTables() {
        dynamoid().createTables(Animal.class, Vehicle.class);
        dynamoid().truncateTables(Animal.class, Vehicle.class);
    }

    private static Map<String, AttributeValue> stored(String id) {
        return storedItem(Animal.class, idKey(id));
    }

    @Test
    void updateFieldsOfASubclassLeavesAnotherClasssItemAsIfMissing() {
        Cat tom = cat("Tom", "ann");

        Optional<Dog> updated = Dog.find.updateFields(tom.getId(), Map.of("name", "Rex"));

        assertTrue(updated.isEmpty());
        assertEquals("Tom", stored(tom.getId()).get("name").s());
        assertEquals("Cat", stored(tom.getId()).get("type").s());
    }

    @Test
    void updateFieldsOfASubclassUpdatesADescendant() {
        Puppy bit = puppy("Bit", "ann");

        Dog updated = Dog.find.updateFields(bit.getId(), Map.of("name", "Bitty")).orElseThrow();

        assertInstanceOf(Puppy.class, updated);
        assertEquals("Bitty", updated.name);
        assertEquals("puppy", stored(bit.getId()).get("type").s());
    }

    @Test
    void updateFieldsOfASubclassWithConditionsStillRequiresItsClass() {
        Cat tom = cat("Tom", "ann");

        assertTrue(Dog.find.updateFields(tom.getId(), Map.of("owner", "bob"), Map.of("name", "Tom")).isEmpty());
        assertEquals("ann", stored(tom.getId()).get("owner").s());
    }

    @Test
    void upsertOfASubclassLeavesAnotherClasssItemAsIfMissing() {
        Cat tom = cat("Tom", "ann");

        Optional<Dog> upserted = Dog.find.upsert(tom.getId(), Map.of("name", "Rex"));

        assertTrue(upserted.isEmpty(), "as upsert with a failed condition");
        assertEquals("Tom", stored(tom.getId()).get("name").s());
        assertEquals("Cat", stored(tom.getId()).get("type").s());
    }

    @Test
    void upsertCreatingAnItemStoresTheSubclassTypeName() {
        Dog created = Dog.find.upsert("rex", Map.of("name", "Rex")).orElseThrow();

        assertEquals(Dog.class, created.getClass());
        assertEquals("Dog", stored("rex").get("type").s());
        assertInstanceOf(Dog.class, Animal.find.byId("rex"));
    }

    @Test
    void upsertOfASubclassKeepsTheTypeOfADescendantsItem() {
        Puppy bit = puppy("Bit", "ann");

        Dog upserted = Dog.find.upsert(bit.getId(), Map.of("name", "Bitty")).orElseThrow();

        assertInstanceOf(Puppy.class, upserted);
        assertEquals("puppy", stored(bit.getId()).get("type").s());
    }

    @Test
    void upsertThroughTheBaseStoresTheBaseTypeNameAndKeepsAnExistingOne() {
        Cat tom = cat("Tom", "ann");

        Animal.find.upsert("thing", Map.of("name", "Thing"));
        Animal updated = Animal.find.upsert(tom.getId(), Map.of("owner", "bob")).orElseThrow();

        assertEquals("Animal", stored("thing").get("type").s());
        assertInstanceOf(Cat.class, updated);
        assertEquals("Cat", stored(tom.getId()).get("type").s());
    }

    @Test
    void upsertCreatingAnItemFillsADeclaredTypeField() {
        Car created = Car.find.upsert("c1", Map.of("plate", "AB-1")).orElseThrow();

        assertEquals("Car", created.kind);
        assertEquals("Car", storedItem(Vehicle.class, idKey("c1")).get("kind").s());
        assertInstanceOf(Car.class, Vehicle.find.byId("c1"));
    }

    @Test
    void theTypeAttributeIsNotUpdatable() {
        Truck truck = Truck.find.create(t -> t.plate = "T-1");

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Vehicle.find.updateFields(truck.getId(), Map.of("kind", "Car")));

        assertEquals("kind holds the class of each item of " + dynamoid().tableName(Vehicle.class)
                + ": it is set when the record is created, not updated", e.getMessage());
        assertEquals("Truck", storedItem(Vehicle.class, idKey(truck.getId())).get("kind").s());
    }

    @Test
    void incOfASubclassLeavesAnotherClasssItemAlone() {
        Dog rex = dog("Rex", "ann");
        Puppy bit = puppy("Bit", "ann");

        Puppy.find.inc(rex.getId(), "weeks", 1);
        Cat.find.inc(bit.getId(), "lives", 1);

        assertNull(stored(rex.getId()).get("weeks"), "a Dog is not a Puppy");
        assertNull(stored(bit.getId()).get("lives"));
        assertEquals("Dog", stored(rex.getId()).get("type").s());
    }

    @Test
    void incCreatingAnItemStoresTheSubclassTypeName() {
        Cat.find.inc("kit", "lives", 1);

        assertEquals("Cat", stored("kit").get("type").s());
        Animal loaded = Animal.find.byId("kit");
        assertInstanceOf(Cat.class, loaded);
        assertEquals(1, ((Cat) loaded).lives);
    }

    @Test
    void updateOfASubclassDoesNotFindAnotherClassByKey() {
        Cat tom = cat("Tom", "ann");

        assertThrows(RecordNotFoundException.class, () -> Dog.find.update(tom.getId(), Map.of("name", "Rex")));
        assertThrows(RecordNotFoundException.class, () -> Dog.find.updateOrThrow(tom.getId(), Map.of("name", "Rex")));
        assertEquals("Tom", stored(tom.getId()).get("name").s());
    }

    @Test
    void aRecordsIncrementStillWorksInAHierarchy() {
        Puppy bit = puppy("Bit", "ann");

        bit.increment("weeks");

        assertEquals(9, bit.weeks);
        assertEquals("puppy", stored(bit.getId()).get("type").s());
    }

    @Test
    void aRecordsIncrementFailsWhenItsKeyNowHoldsAnotherClass() {
        Puppy bit = puppy("Bit", "ann");
        Map<String, AttributeValue> cat = new HashMap<>(stored(bit.getId()));
        cat.put("type", AttributeValue.fromS("Cat"));
        client().putItem(b -> b.tableName(dynamoid().tableName(Animal.class)).item(cat));

        RecordNotFoundException e = assertThrows(RecordNotFoundException.class, () -> bit.increment("weeks"));

        assertTrue(e.getMessage().endsWith(": its key now holds an item of another class"), e.getMessage());
        assertEquals("8", stored(bit.getId()).get("weeks").n());
        assertFalse(Puppy.find.exists(bit.getId()));
    }

    @Test
    void aTransactionsWritesByKeyAreRestrictedAndStampedLikeTheFinders() {
        Assumptions.assumeTrue(OrmExtension.embedded(), "dynalite (DYNAMOID_ENDPOINT) implements no transactions");
        Cat tom = cat("Tom", "ann");

        assertThrows(TransactionCanceledException.class,
                () -> dynamoid().transaction(tx -> tx.upsert(Dog.class, tom.getId(), Map.of("name", "Rex"))));
        dynamoid().transaction(tx -> tx.increment(Cat.class, "kit", "lives", 1));

        assertEquals("Tom", stored(tom.getId()).get("name").s());
        assertEquals("Cat", stored("kit").get("type").s());
    }
}
