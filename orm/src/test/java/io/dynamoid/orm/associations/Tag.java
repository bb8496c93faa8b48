package io.dynamoid.orm.associations;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HasAndBelongsToMany;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.RangeKey;

/** A composite-key model (string hash and range) whose keys may hold the encoding's separator and escape. */
public class Tag extends Model<Tag> {
    public static final Finder<Tag> find = Finder.of(Tag.class);

    @HashKey
    public String namespace;
    @RangeKey
    public String label;

    public final HasAndBelongsToMany<Book> books = hasAndBelongsToMany(Book.class);

    static Tag of(String namespace, String label) {
        Tag tag = new Tag();
        tag.namespace = namespace;
        tag.label = label;
        return tag;
    }
}
