package io.dynamoid.orm.associations;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HasMany;
import io.dynamoid.orm.Model;

/** A hash-only model owning composite-key books. */
public class Author extends Model<Author> {
    public static final Finder<Author> find = Finder.of(Author.class);

    public String name;

    public final HasMany<Book> books = hasMany(Book.class);
}
