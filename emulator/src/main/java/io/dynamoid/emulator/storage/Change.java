package io.dynamoid.emulator.storage;

/**
 * One applied change: the item at {@code key} went from {@code oldItem} to {@code newItem} (null = absent).
 * {@code ttlExpiry} marks a deletion made by DynamoDB itself because the item's TTL passed (streams show
 * those as the service's deletions).
 */
public record Change(Table table, ItemKey key, Item oldItem, Item newItem, boolean ttlExpiry) {

    /** A change made by a request (not a TTL expiry). */
    public Change(Table table, ItemKey key, Item oldItem, Item newItem) {
        this(table, key, oldItem, newItem, false);
    }
}
