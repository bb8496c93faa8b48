package io.dynamoid.orm;

/**
 * The primary key of one item, as Java values of the model's key fields (converted like the fields).
 *
 * @param hash  the partition key value, never null
 * @param range the sort key value, null for models without a range key
 */
public record Key(Object hash, Object range) {
    public Key {
        if (hash == null) {
            throw new MissingHashKeyException("A key needs a hash key value");
        }
    }

    public static Key of(Object hash) {
        return new Key(hash, null);
    }

    public static Key of(Object hash, Object range) {
        return new Key(hash, range);
    }
}
