package io.dynamoid.orm.associations;

import io.dynamoid.orm.BelongsTo;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;

/** A belongs_to stored in a foreign key attribute instead of a set. */
public class Comment extends Model<Comment> {
    public static final Finder<Comment> find = Finder.of(Comment.class);

    public String text;

    public final BelongsTo<Book> book = belongsTo(Book.class).foreignKey("book_key");
}
