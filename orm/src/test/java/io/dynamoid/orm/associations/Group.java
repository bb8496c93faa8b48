package io.dynamoid.orm.associations;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HasMany;
import io.dynamoid.orm.Model;

/** The seed README's Group, with the inverse side of {@code User.group}. */
public class Group extends Model<Group> {
    public static final Finder<Group> find = Finder.of(Group.class);

    public String name;

    public final HasMany<User> users = hasMany(User.class);
}
