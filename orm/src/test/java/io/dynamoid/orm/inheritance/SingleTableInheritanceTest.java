package io.dynamoid.orm.inheritance;

import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.criteria.Plan;
import io.dynamoid.orm.inheritance.Zoo.Animal;
import io.dynamoid.orm.inheritance.Zoo.Car;
import io.dynamoid.orm.inheritance.Zoo.Cat;
import io.dynamoid.orm.inheritance.Zoo.Circle;
import io.dynamoid.orm.inheritance.Zoo.Dog;
import io.dynamoid.orm.inheritance.Zoo.Ferret;
import io.dynamoid.orm.inheritance.Zoo.Puppy;
import io.dynamoid.orm.inheritance.Zoo.Shape;
import io.dynamoid.orm.inheritance.Zoo.Square;
import io.dynamoid.orm.inheritance.Zoo.Tabled;
import io.dynamoid.orm.inheritance.Zoo.Truck;
import io.dynamoid.orm.inheritance.Zoo.Twin;
import io.dynamoid.orm.inheritance.Zoo.Vehicle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single-table inheritance: shared table, type names, subclass instantiation, reads restricted by subclass. */
class SingleTableInheritanceTest extends OrmTestBase {

    @BeforeEach
    void emptyTables() {
        dynamoid().createTables(Animal.class, Vehicle.class, Shape.class);
        dynamoid().truncateTables(Animal.class, Vehicle.class, Shape.class);
    }

    static Dog dog(String name, String owner) {
        return Dog.find.create(d -> {
            d.name = name;
            d.owner = owner;
            d.barks = true;
        });
    }

    static Puppy puppy(String name, String owner) {
        return Puppy.find.create(p -> {
            p.name = name;
            p.owner = owner;
            p.weeks = 8;
        });
    }

    static Cat cat(String name, String owner) {
        return Cat.find.create(c -> {
            c.name = name;
            c.owner = owner;
            c.lives = 9;
        });
    }

    static Animal animal(String name, String owner) {
        return Animal.find.create(a -> {
            a.name = name;
            a.owner = owner;
        });
    }

    private static Set<String> names(List<? extends Animal> animals) {
        return animals.stream().map(a -> a.name).collect(Collectors.toSet());
    }

    @Test
    void subclassesShareTheTableOfTheBase() {
        assertEquals(dynamoid().tableName(Animal.class), dynamoid().tableName(Dog.class));
        assertEquals(dynamoid().tableName(Animal.class), dynamoid().tableName(Puppy.class));
        assertTrue(dynamoid().tableName(Car.class).endsWith("_vehicles"), "the base's @Table name");
    }

    @Test
    void eachItemStoresItsClassTypeName() {
        Dog rex = dog("Rex", "ann");
        Puppy bit = puppy("Bit", "ann");
        Animal generic = animal("Thing", "ann");

        assertEquals("Dog", storedItem(Animal.class, idKey(rex.getId())).get("type").s());
        assertEquals("puppy", storedItem(Animal.class, idKey(bit.getId())).get("type").s(), "@TypeName");
        assertEquals("Animal", storedItem(Animal.class, idKey(generic.getId())).get("type").s(), "the base too");
        assertEquals("true", storedItem(Animal.class, idKey(rex.getId())).get("barks").bool().toString());
    }

    @Test
    void theBaseFinderInstantiatesTheClassAnItemNames() {
        Dog rex = dog("Rex", "ann");
        Puppy bit = puppy("Bit", "ann");
        Cat tom = cat("Tom", "ann");

        Animal loaded = Animal.find.byId(rex.getId());
        assertInstanceOf(Dog.class, loaded);
        assertTrue(((Dog) loaded).barks);
        assertEquals(8, ((Puppy) Animal.find.byId(bit.getId())).weeks);
        assertEquals(9, ((Cat) Animal.find.byId(tom.getId())).lives);
        assertEquals(Set.of(Dog.class, Puppy.class, Cat.class),
                Animal.find.where("owner", "ann").all().stream().map(Object::getClass).collect(Collectors.toSet()));
    }

    @Test
    void aRecordLoadedThroughTheBaseHasNoPendingChangesAndSavesItsSubclassFields() {
        Dog rex = dog("Rex", "ann");
        Dog loaded = (Dog) Animal.find.byId(rex.getId());
        assertEquals(Set.of(), loaded.changedAttributes());

        loaded.barks = false;
        loaded.save();

        assertFalse(Dog.find.byId(rex.getId()).barks);
        assertEquals("Dog", storedItem(Animal.class, idKey(rex.getId())).get("type").s());
    }

    @Test
    void aSubclassFinderDoesNotFindAnotherClassByKey() {
        Cat tom = cat("Tom", "ann");
        Puppy bit = puppy("Bit", "ann");

        assertTrue(Dog.find.findById(tom.getId()).isEmpty());
        assertThrows(RecordNotFoundException.class, () -> Dog.find.byId(tom.getId()));
        assertFalse(Dog.find.exists(tom.getId()));
        assertThrows(RecordNotFoundException.class, () -> Dog.find.byIds(List.of(bit.getId(), tom.getId())));
        assertEquals(List.of(bit.getId()), Dog.find.findByIds(List.of(tom.getId(), bit.getId())).stream().map(Dog::getId).toList());
        assertInstanceOf(Puppy.class, Dog.find.byId(bit.getId()), "a descendant is found");
        assertTrue(Dog.find.exists(bit.getId()));
    }

    @Test
    void aSubclassFinderDeletesOnlyItsOwnClassByKey() {
        Cat tom = cat("Tom", "ann");
        Dog rex = dog("Rex", "ann");

        Dog.find.delete(tom.getId());
        Dog.find.delete(rex.getId());

        assertTrue(Cat.find.exists(tom.getId()));
        assertFalse(Animal.find.exists(rex.getId()));
    }

    @Test
    void aSubclassFinderListsOnlyItsSubtree() {
        dog("Rex", "ann");
        puppy("Bit", "bob");
        cat("Tom", "ann");
        animal("Thing", "ann");

        assertEquals(Set.of("Rex", "Bit"), names(Dog.find.all()));
        assertEquals(Set.of("Tom"), names(Cat.find.all()));
        assertEquals(Set.of("Rex", "Bit", "Tom", "Thing"), names(Animal.find.all()));
    }

    @Test
    void aSubclassScanFiltersOnItsTypeNames() {
        dog("Rex", "ann");
        puppy("Bit", "bob");
        cat("Tom", "ann");

        Plan plan = Dog.find.query().explain();

        assertTrue(plan.isScan());
        assertEquals("type IN (:q0, :q1)", plan.resolve(plan.filter()));
        assertEquals(Set.of(AttributeValue.fromS("Dog"), AttributeValue.fromS("puppy")), Set.copyOf(plan.values().values()));
        assertEquals(Set.of("Rex", "Bit"), names(Dog.find.query().all()));
    }

    @Test
    void aLeafClassFiltersOnItsOneTypeNameAfterTheUsersConditions() {
        Plan plan = Cat.find.where("name", "Tom").explain();

        assertEquals("name = :q0 AND type = :q1", plan.resolve(plan.filter()));
        assertEquals(AttributeValue.fromS("Cat"), plan.values().get(":q1"));
    }

    @Test
    void theBaseIsNotFiltered() {
        assertNull(Animal.find.query().explain().filter());
    }

    @Test
    void aSubclassQueryOnAnIndexKeepsTheKeyConditionAndFiltersTheType() {
        dog("Rex", "ann");
        puppy("Bit", "ann");
        cat("Tom", "ann");
        dog("Fido", "bob");

        Plan plan = Dog.find.where("owner", "ann").explain();

        assertTrue(plan.isQuery());
        assertEquals(dynamoid().tableName(Animal.class) + "_index_owner_name", plan.indexName());
        assertEquals("owner = :q0", plan.resolve(plan.keyCondition()));
        assertEquals("type IN (:q1, :q2)", plan.resolve(plan.filter()));
        assertEquals(Set.of("Rex", "Bit"), names(Dog.find.where("owner", "ann").all()));
    }

    @Test
    void chainTerminalsOfASubclassCountOnlyItsSubtree() {
        dog("Rex", "ann");
        puppy("Bit", "ann");
        cat("Tom", "ann");
        cat("Kit", "ann");

        assertEquals(2, Dog.find.where("owner", "ann").count());
        assertEquals(2, Cat.find.query().count(), "a Scan with Select COUNT");
        assertEquals(1, Puppy.find.where("owner", "ann").count());
        assertTrue(Puppy.find.where("owner", "ann").exists());
        assertFalse(Puppy.find.where("owner", "bob").exists());
        assertEquals("Bit", Dog.find.where("owner", "ann").first().orElseThrow().name, "ordered by name: Bit before Rex");
        assertEquals("Rex", Dog.find.where("owner", "ann").last().orElseThrow().name);
        assertEquals(List.of("Kit", "Tom"), Cat.find.where("owner", "ann").pluck("name"));
    }

    @Test
    void pagesOfASubclassHoldOnlyItsRecords() {
        for (int i = 0; i < 6; i++) {
            dog("dog" + i, "ann");
            cat("cat" + i, "ann");
        }

        List<List<String>> pages = Dog.find.where("owner", "ann").batch(4).pages()
                .map(p -> p.records().stream().map(a -> a.name).toList()).toList();

        assertTrue(pages.size() >= 3, "12 items read 4 at a time: " + pages);
        assertEquals(List.of("dog0", "dog1", "dog2", "dog3", "dog4", "dog5"), pages.stream().flatMap(List::stream).toList());
    }

    @Test
    void deleteAllOfASubclassLeavesTheOtherClasses() {
        dog("Rex", "ann");
        puppy("Bit", "ann");
        Cat tom = cat("Tom", "ann");

        assertEquals(2, Dog.find.where("owner", "ann").deleteAll());

        assertEquals(List.of(tom.getId()), Animal.find.where("owner", "ann").all().stream().map(Animal::getId).toList());
    }

    @Test
    void aProjectedReadStillInstantiatesTheSubclass() {
        dog("Rex", "ann");

        List<Animal> animals = Animal.find.where("owner", "ann").project("name").all();

        assertInstanceOf(Dog.class, animals.get(0));
        assertEquals("Rex", animals.get(0).name);
        assertFalse(((Dog) animals.get(0)).barks, "not projected");
    }

    @Test
    void aTypeAttributeKeyingAnIndexGoesIntoTheKeyCondition() {
        Car.find.create(c -> c.plate = "AB-1");
        Car.find.create(c -> c.plate = "AB-2");
        Car.find.create(c -> c.plate = "XY-3");
        Truck.find.create(t -> {
            t.plate = "AB-4";
            t.axles = 3;
        });

        Plan plan = Car.find.where("plate", io.dynamoid.orm.criteria.Condition.beginsWith("AB")).explain();

        assertTrue(plan.isQuery());
        assertEquals("by_kind", plan.indexName());
        assertEquals("kind = :q0 AND begins_with(plate, :q1)", plan.resolve(plan.keyCondition()));
        assertNull(plan.filter());
        assertEquals(List.of("AB-1", "AB-2"), Car.find.where("plate", io.dynamoid.orm.criteria.Condition.beginsWith("AB")).all()
                .stream().map(c -> c.plate).toList());
        assertEquals(3, Car.find.query().count(), "a Query of the type on its index");
        assertTrue(Car.find.query().explain().isQuery());
    }

    @Test
    void aDeclaredTypeFieldHoldsTheTypeName() {
        Truck t = Truck.find.create(x -> x.plate = "T-1");

        assertEquals("Truck", t.kind);
        assertEquals("Truck", storedItem(Vehicle.class, idKey(t.getId())).get("kind").s());
        Vehicle loaded = Vehicle.find.byId(t.getId());
        assertInstanceOf(Truck.class, loaded);
        assertEquals("Truck", loaded.kind);
    }

    @Test
    void forcingAnIndexThatDoesNotProjectTheTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Car.find.where("plate", "AB-1").withIndex("by_plate_keys").explain());

        assertEquals("Index 'by_plate_keys' does not project 'kind', which restricts a query of Car to its class: "
                + "project it (INCLUDE) or query another index", e.getMessage());
    }

    @Test
    void aSealedBaseTakesItsPermittedSubclasses() {
        Circle c = Circle.find.create(x -> x.size = 2);
        Shape.find.create(x -> x.size = 3);
        Square s = new Square();
        s.size = 4;
        s.save();

        assertInstanceOf(Square.class, Shape.find.byId(s.getId()));
        assertEquals(List.of(c.getId()), Circle.find.all().stream().map(Circle::getId).toList());
        assertEquals("Circle", storedItem(Shape.class, idKey(c.getId())).get("type").s());
    }

    @Test
    void anItemWithoutTypeLoadsAsTheBaseAndIsNoSubclasssRecord() {
        String table = dynamoid().tableName(Animal.class);
        client().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("legacy"), "name", AttributeValue.fromS("Old"))));

        assertEquals(Animal.class, Animal.find.byId("legacy").getClass());
        assertTrue(Dog.find.findById("legacy").isEmpty());
    }

    @Test
    void anItemWithAnUnknownTypeNameIsAClearError() {
        String table = dynamoid().tableName(Animal.class);
        client().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("odd"), "type", AttributeValue.fromS("Unicorn"))));

        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> Animal.find.byId("odd"));

        assertEquals("An item of Animal's table has type 'Unicorn', which no class of its hierarchy has (known: [Animal, Dog, puppy, Cat])",
                e.getMessage());
    }

    @Test
    void anUndeclaredSubclassIsRefused() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> dynamoid().tableName(Ferret.class));

        assertEquals("Ferret extends Animal and so shares its table, but is not one of its declared subclasses: "
                + "list it in @Inheritance(subclasses = ...) on Animal", e.getMessage());
    }

    @Test
    void aSubclassCannotDeclareTableOptions() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> dynamoid().tableName(Tabled.class));

        assertEquals("Tabled shares the table of TabledBase: declare @Table on TabledBase instead", e.getMessage());
    }

    @Test
    void typeNamesAreUniqueInAHierarchy() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> dynamoid().tableName(Twin.class));

        assertTrue(e.getMessage().endsWith("both have the type name 'Twin' in the hierarchy of TwinBase; tell them apart with @TypeName"), e.getMessage());
    }

    interface DogRepository {
        List<Dog> findByOwner(String owner);

        long countByOwner(String owner);

        boolean existsByName(String name);

        long deleteByOwner(String owner);
    }

    @Test
    void derivedFindersOfASubclassGoThroughTheSameFilter() {
        DogRepository dogs = io.dynamoid.orm.criteria.Repositories.of(DogRepository.class, Dog.find);
        dog("Rex", "ann");
        puppy("Bit", "ann");
        cat("Tom", "ann");

        assertEquals(Set.of("Rex", "Bit"), names(dogs.findByOwner("ann")));
        assertEquals(2, dogs.countByOwner("ann"));
        assertFalse(dogs.existsByName("Tom"), "a Scan filtered on the type");
        assertTrue(dogs.existsByName("Bit"));
        assertEquals(2, dogs.deleteByOwner("ann"));
        assertEquals(Set.of("Tom"), names(Animal.find.all()));
    }

    @Test
    void importingThroughTheBaseKeepsEachRecordsClass() {
        Dog rex = new Dog();
        rex.name = "Rex";
        rex.barks = true;
        Cat tom = new Cat();
        tom.name = "Tom";

        Animal.find.importAll(List.of(rex, tom));

        assertEquals("Dog", storedItem(Animal.class, idKey(rex.getId())).get("type").s());
        assertTrue(Dog.find.byId(rex.getId()).barks);
        assertInstanceOf(Cat.class, Animal.find.byId(tom.getId()));
    }
}
