package io.dynamoid.orm.inheritance;

import io.dynamoid.orm.BelongsTo;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.GlobalIndex;
import io.dynamoid.orm.HasMany;
import io.dynamoid.orm.HasOne;
import io.dynamoid.orm.Inheritance;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.Projection;
import io.dynamoid.orm.Table;
import io.dynamoid.orm.TypeName;

/** The single-table hierarchies of the inheritance tests. */
final class Zoo {
    private Zoo() {
    }

    /** A base listing its subclasses at two depths; the type in the default "type" attribute, not a field. */
    @Inheritance(subclasses = {Dog.class, Puppy.class, Cat.class})
    @GlobalIndex(hashKey = "owner", rangeKey = "name", projection = Projection.ALL)
    public static class Animal extends Model<Animal> {
        public static final Finder<Animal> find = Finder.of(Animal.class);
        public String name;
        public String owner;
    }

    public static class Dog extends Animal {
        public static final Finder<Dog> find = Finder.of(Dog.class);
        public boolean barks;
        public final BelongsTo<Keeper> keeper = belongsTo(Keeper.class);
    }

    @TypeName("puppy")
    public static class Puppy extends Dog {
        public static final Finder<Puppy> find = Finder.of(Puppy.class);
        public int weeks;
    }

    public static class Cat extends Animal {
        public static final Finder<Cat> find = Finder.of(Cat.class);
        public int lives;
    }

    /** A model in its own table whose associations target subclasses of Animal. */
    public static class Keeper extends Model<Keeper> {
        public static final Finder<Keeper> find = Finder.of(Keeper.class);
        public String name;
        public final HasMany<Dog> dogs = hasMany(Dog.class);
        public final HasOne<Cat> cat = hasOne(Cat.class);
    }

    /** A custom type attribute, declared as a field and keying an index. */
    @Inheritance(field = "kind", subclasses = {Car.class, Truck.class})
    @Table(name = "vehicles")
    @GlobalIndex(name = "by_kind", hashKey = "kind", rangeKey = "plate", projection = Projection.ALL)
    @GlobalIndex(name = "by_plate_keys", hashKey = "plate", projection = Projection.KEYS_ONLY)
    public static class Vehicle extends Model<Vehicle> {
        public static final Finder<Vehicle> find = Finder.of(Vehicle.class);
        public String kind;
        public String plate;
    }

    public static class Car extends Vehicle {
        public static final Finder<Car> find = Finder.of(Car.class);
    }

    public static class Truck extends Vehicle {
        public static final Finder<Truck> find = Finder.of(Truck.class);
        public int axles;
    }

    /** A sealed base: its permitted subclasses are the hierarchy, without annotation. */
    public static sealed class Shape extends Model<Shape> permits Circle, Square {
        public static final Finder<Shape> find = Finder.of(Shape.class);
        public int size;
    }

    public static final class Circle extends Shape {
        public static final Finder<Circle> find = Finder.of(Circle.class);
    }

    public static final class Square extends Shape {
    }

    /** Not listed by Animal. */
    public static class Ferret extends Animal {
    }

    @Inheritance(subclasses = Tabled.class)
    public static class TabledBase extends Model<TabledBase> {
    }

    @Table(name = "elsewhere")
    public static class Tabled extends TabledBase {
    }

    @Inheritance(subclasses = {Twin.class})
    @TypeName("Twin")
    public static class TwinBase extends Model<TwinBase> {
    }

    public static class Twin extends TwinBase {
    }
}
