package io.dynamoid.orm.internal.junit;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;

/** A model for the fixtures: table {@code things} under the ORM's namespace. */
public class Thing extends Model<Thing> {
    public static final Finder<Thing> find = Finder.of(Thing.class);
    public String name;

    public static Thing named(String name) {
        Thing thing = new Thing();
        thing.name = name;
        return thing;
    }
}
