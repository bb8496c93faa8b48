package io.dynamoid.orm.internal.junit;

import io.dynamoid.orm.Model;

/** A second model, for fixtures that declare several. */
public class Gadget extends Model<Gadget> {
    public String label;
}
