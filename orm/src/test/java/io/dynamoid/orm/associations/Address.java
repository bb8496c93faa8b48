package io.dynamoid.orm.associations;

import io.dynamoid.orm.BelongsTo;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;

/** The seed README's Address, with the inverse side of {@code User.addresses}. */
public class Address extends Model<Address> {
    public static final Finder<Address> find = Finder.of(Address.class);

    public String city;

    public final BelongsTo<User> user = belongsTo(User.class);
}
