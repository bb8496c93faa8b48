package io.dynamoid.orm.associations;

import io.dynamoid.orm.BelongsTo;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;

/** The seed README's Role, with the inverse side of {@code User.role}. */
public class Role extends Model<Role> {
    public static final Finder<Role> find = Finder.of(Role.class);

    public String title;

    public final BelongsTo<User> user = belongsTo(User.class);
}
