package io.dynamoid.orm.associations;

import io.dynamoid.orm.BelongsTo;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HasAndBelongsToMany;
import io.dynamoid.orm.HasMany;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.RangeKey;

/** A composite-key model (number hash, string range) on every side of associations. */
public class Book extends Model<Book> {
    public static final Finder<Book> find = Finder.of(Book.class);

    @HashKey
    public long shelf;
    @RangeKey
    public String slot;
    public String title;

    public final BelongsTo<Author> author = belongsTo(Author.class);
    public final HasAndBelongsToMany<Tag> tags = hasAndBelongsToMany(Tag.class);
    public final HasMany<Comment> comments = hasMany(Comment.class);

    static Book at(long shelf, String slot) {
        Book book = new Book();
        book.shelf = shelf;
        book.slot = slot;
        return book;
    }
}
