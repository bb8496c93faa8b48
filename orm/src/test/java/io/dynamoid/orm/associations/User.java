package io.dynamoid.orm.associations;

import io.dynamoid.orm.BelongsTo;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HasAndBelongsToMany;
import io.dynamoid.orm.HasMany;
import io.dynamoid.orm.HasOne;
import io.dynamoid.orm.Model;

/** The seed README's User: has_many addresses, belongs_to group, has_one role, has_and_belongs_to_many friends. */
public class User extends Model<User> {
    public static final Finder<User> find = Finder.of(User.class);

    public String name;
    public String email;

    public final HasMany<Address> addresses = hasMany(Address.class);
    public final BelongsTo<Group> group = belongsTo(Group.class);
    public final HasOne<Role> role = hasOne(Role.class);
    /** Symmetric: a user is the friend of their friends. */
    public final HasAndBelongsToMany<User> friends = hasAndBelongsToMany(User.class).inverseOf("friends");
}
