package io.dynamoid.emulator.storage;

/** One applied change: the item at {@code key} went from {@code oldItem} to {@code newItem} (null = absent). */
public record Change(Table table, ItemKey key, Item oldItem, Item newItem) {
}
