package io.dynamoid.emulator.storage;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.ItemSize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored item: immutable attributes and their DynamoDB size, computed once when the item is written. */
public record Item(Map<String, AttrValue> attributes, int size) {

    public static Item of(Map<String, AttrValue> attributes) {
        Map<String, AttrValue> copy = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        return new Item(copy, ItemSize.of(copy));
    }

    public AttrValue get(String name) {
        return attributes.get(name);
    }
}
