package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.CompactMap;
import io.dynamoid.emulator.protocol.ItemSize;

import java.util.Map;

/**
 * A stored item: immutable attributes (a {@link CompactMap}, in the order they were given) and their DynamoDB
 * size, computed once when the item is written.
 */
public record Item(Map<String, AttrValue> attributes, int size) {

    public static Item of(Map<String, AttrValue> attributes) {
        Map<String, AttrValue> copy = CompactMap.copyOf(attributes);
        return new Item(copy, ItemSize.of(copy));
    }

    public AttrValue get(String name) {
        return attributes.get(name);
    }
}
