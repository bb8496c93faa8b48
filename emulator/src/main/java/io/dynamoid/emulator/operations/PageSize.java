package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.ItemSize;

import java.util.Map;

/**
 * How much of Query's and Scan's 1 MB page an item fills. DynamoDB measures its internal storage format
 * there, not the item size it bills: attribute names count one byte, values carry a small type/length
 * header, and every 3 KB of item adds a fixed overhead that includes the table's sort key. The formula is
 * dynalite's, fitted against real DynamoDB so pages end on the same item.
 */
final class PageSize {
    static final int PAGE_LIMIT_BYTES = 1024 * 1024;

    private PageSize() {
    }

    /** The stored size of {@code item}; {@code tableRangeKey} is the table's sort key name, or null. */
    static int of(Map<String, AttrValue> item, String tableRangeKey) {
        int size = 0;
        int rangeKeySize = 0;
        for (Map.Entry<String, AttrValue> attribute : item.entrySet()) {
            if (attribute.getKey().equals(tableRangeKey)) {
                rangeKeySize = ItemSize.of(attribute.getValue());
            } else {
                size += stored(attribute.getValue()) + 1;
            }
        }
        return 2 + size + (1 + (1 + size) / 3072) * (18 + rangeKeySize);
    }

    private static int nested(Map<String, AttrValue> map) {
        int size = 0;
        for (AttrValue value : map.values()) size += stored(value) + 1;
        return size;
    }

    /** A value with its storage header. */
    private static int stored(AttrValue value) {
        if (value instanceof AttrValue.S s) {
            int size = ItemSize.utf8Length(s.value());
            return size + (size < 128 ? 1 : size < 16384 ? 2 : 3);
        }
        if (value instanceof AttrValue.B || value instanceof AttrValue.N) return ItemSize.of(value) + 1;
        if (value instanceof AttrValue.SS ss) return ItemSize.of(value) + ss.values().size() + 1;
        if (value instanceof AttrValue.NS ns) return ItemSize.of(value) + ns.values().size() + 1;
        if (value instanceof AttrValue.BS bs) return ItemSize.of(value) + bs.values().size() + 1;
        if (value instanceof AttrValue.Null) return 0;
        if (value instanceof AttrValue.Bool) return 1;
        if (value instanceof AttrValue.L l) {
            int size = 3;
            for (AttrValue child : l.values()) size += 1 + stored(child);
            return size;
        }
        AttrValue.M m = (AttrValue.M) value;
        return 3 + m.values().size() + nested(m.values());
    }
}
