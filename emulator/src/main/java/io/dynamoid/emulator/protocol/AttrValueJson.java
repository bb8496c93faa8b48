package io.dynamoid.emulator.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attribute values at the HTTP edge: reading a type-checked JSON value into an {@link AttrValue} with
 * DynamoDB's value rules (and messages), and writing values back as JSON.
 */
public final class AttrValueJson {
    /** DynamoDB refuses documents nested deeper than this. */
    public static final int MAX_DEPTH = 32;

    private static final String[] TYPE_ORDER = {"S", "B", "N", "BOOL", "NULL", "BS", "NS", "SS", "L", "M"};
    private static final Set<String> TYPES = Set.of(TYPE_ORDER);
    /** The type names as field names, encoded once. */
    private static final Map<String, SerializableString> TYPE_FIELD_NAMES = typeFieldNames();

    /**
     * Strings at least this long are written by {@link #writeText}'s fast path. Jackson's writeString examines
     * each character on its own, which made up most of the CPU of a Query answering 50 items of 1 KB.
     */
    private static final int PLAIN_CHECK_MIN_LENGTH = 32;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EVERY_BYTE_HIGH_BIT = 0x8080808080808080L;
    private static final long EVERY_BYTE_ONE = 0x0101010101010101L;

    private AttrValueJson() {
    }

    /** Reads a map of attribute values (an Item, a Key, ExpressionAttributeValues...). */
    public static Map<String, AttrValue> readItem(JsonNode map) {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), read(field.getValue()));
        }
        return item;
    }

    /** Reads one attribute value, answering ValidationException with DynamoDB's message if it is invalid. */
    public static AttrValue read(JsonNode value) {
        String message = validate(value, 0);
        if (message != null) throw Errors.validation(message);
        return convert(value);
    }

    /**
     * DynamoDB's checks of one value, in its order: each present type's own rules, then "more than one
     * datatype". Returns the message of the first failure, or null.
     */
    public static String validate(JsonNode value, int depth) {
        if (value == null || value.isNull() || value.size() == 0) {
            return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        }
        if (depth > MAX_DEPTH) {
            return "Nesting Levels have exceeded supported limits";
        }
        Map.Entry<String, JsonNode> single = singleType(value);
        if (single != null) return validateOne(single.getKey(), single.getValue(), depth);
        int present = 0;
        for (String type : TYPE_ORDER) {
            JsonNode v = value.get(type);
            if (v == null || v.isNull()) continue;
            present++;
            String message = validateOne(type, v, depth);
            if (message != null) return message;
        }
        if (present == 0) {
            return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        }
        if (present > 1) {
            return "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
        }
        return null;
    }

    /** A set with a null member (JSON allows it; no set can hold it). DynamoDB's exact text is not known. */
    static final String NULL_SET_MEMBER = "One or more parameter values were invalid: A set may not contain null";

    private static String validateOne(String type, JsonNode v, int depth) {
        if (type.length() == 2 && type.charAt(1) == 'S') {
            for (JsonNode member : v) {
                if (member == null || member.isNull()) return NULL_SET_MEMBER;
            }
        }
        switch (type) {
            case "N" -> {
                return numberMessage(v.textValue());
            }
            case "NULL" -> {
                if (!v.booleanValue()) {
                    return "One or more parameter values were invalid: Null attribute value types must have the value of true";
                }
            }
            case "SS" -> {
                if (v.size() == 0) return "One or more parameter values were invalid: An string set  may not be empty";
                Set<String> seen = new LinkedHashSet<>();
                for (JsonNode s : v) {
                    if (!seen.add(s.textValue())) {
                        return "One or more parameter values were invalid: Input collection " + listText(v) + " contains duplicates.";
                    }
                }
            }
            case "NS" -> {
                if (v.size() == 0) return "One or more parameter values were invalid: An number set  may not be empty";
                for (JsonNode n : v) {
                    String message = numberMessage(n.textValue());
                    if (message != null) return message;
                }
                Set<BigDecimal> seen = new LinkedHashSet<>();
                for (JsonNode n : v) {
                    if (!seen.add(Numbers.parse(n.textValue()))) return "Input collection contains duplicates";
                }
            }
            case "BS" -> {
                if (v.size() == 0) return "One or more parameter values were invalid: Binary sets should not be empty";
                Set<Bytes> seen = new LinkedHashSet<>();
                for (JsonNode b : v) {
                    if (!seen.add(Bytes.wrap(Base64.getDecoder().decode(b.textValue())))) {
                        return "One or more parameter values were invalid: Input collection " + listText(v) + "of type BS contains duplicates.";
                    }
                }
            }
            case "M" -> {
                for (JsonNode child : v) {
                    String message = validate(child, depth + 1);
                    if (message != null) return message;
                }
            }
            case "L" -> {
                for (JsonNode child : v) {
                    String message = validate(child, depth + 1);
                    if (message != null) return message;
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static String numberMessage(String text) {
        try {
            Numbers.parse(text);
            return null;
        } catch (DynamoException e) {
            return e.getMessage();
        }
    }

    /**
     * The usual value, an object with one member naming a type with a non-null value: that member (the search
     * through every type in DynamoDB's order would find it alone); null for anything else.
     */
    private static Map.Entry<String, JsonNode> singleType(JsonNode value) {
        if (!value.isObject() || value.size() != 1) return null;
        Map.Entry<String, JsonNode> member = value.fields().next();
        return TYPES.contains(member.getKey()) && !member.getValue().isNull() ? member : null;
    }

    private static String listText(JsonNode array) {
        List<String> parts = new ArrayList<>();
        for (JsonNode child : array) parts.add(child.asText());
        return "[" + String.join(", ", parts) + "]";
    }

    /** Converts an already validated JSON value. */
    private static AttrValue convert(JsonNode value) {
        Map.Entry<String, JsonNode> only = singleType(value);
        for (int i = 0; only == null && i < TYPE_ORDER.length; i++) {
            JsonNode v = value.get(TYPE_ORDER[i]);
            if (v != null && !v.isNull()) only = Map.entry(TYPE_ORDER[i], v);
        }
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> new AttrValue.S(v.textValue());
            case "N" -> new AttrValue.N(Numbers.parse(v.textValue()));
            case "B" -> new AttrValue.B(Bytes.wrap(Base64.getDecoder().decode(v.textValue())));
            case "BOOL" -> AttrValue.Bool.of(v.booleanValue());
            case "NULL" -> AttrValue.Null.INSTANCE;
            case "SS" -> {
                Set<String> set = new LinkedHashSet<>();
                for (JsonNode s : v) set.add(s.textValue());
                yield new AttrValue.SS(set);
            }
            case "NS" -> {
                Set<BigDecimal> set = new LinkedHashSet<>();
                for (JsonNode n : v) set.add(Numbers.parse(n.textValue()));
                yield new AttrValue.NS(set);
            }
            case "BS" -> {
                Set<Bytes> set = new LinkedHashSet<>();
                for (JsonNode b : v) set.add(Bytes.wrap(Base64.getDecoder().decode(b.textValue())));
                yield new AttrValue.BS(set);
            }
            case "L" -> {
                List<AttrValue> list = new ArrayList<>(v.size());
                for (JsonNode child : v) list.add(convert(child));
                yield new AttrValue.L(list);
            }
            case "M" -> {
                Map<String, AttrValue> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(field.getKey(), convert(field.getValue()));
                }
                yield new AttrValue.M(map);
            }
            default -> throw new IllegalStateException(only.getKey());
        };
    }

    // ---------------------------------------------------------------- writing

    public static void writeItem(JsonGenerator g, Map<String, AttrValue> item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttrValue> e : item.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    public static void write(JsonGenerator g, AttrValue value) throws IOException {
        g.writeStartObject();
        g.writeFieldName(TYPE_FIELD_NAMES.get(value.type()));
        if (value instanceof AttrValue.S s) {
            writeText(g, s.value());
        } else if (value instanceof AttrValue.N n) {
            g.writeString(n.text());
        } else if (value instanceof AttrValue.B b) {
            g.writeString(b.value().toBase64());
        } else if (value instanceof AttrValue.Bool b) {
            g.writeBoolean(b.value());
        } else if (value instanceof AttrValue.Null) {
            g.writeBoolean(true);
        } else if (value instanceof AttrValue.SS ss) {
            g.writeStartArray();
            for (String s : ss.values()) writeText(g, s);
            g.writeEndArray();
        } else if (value instanceof AttrValue.NS ns) {
            g.writeStartArray();
            for (BigDecimal n : ns.values()) g.writeString(n.toPlainString());
            g.writeEndArray();
        } else if (value instanceof AttrValue.BS bs) {
            g.writeStartArray();
            for (Bytes b : bs.values()) g.writeString(b.toBase64());
            g.writeEndArray();
        } else if (value instanceof AttrValue.L l) {
            g.writeStartArray();
            for (AttrValue child : l.values()) write(g, child);
            g.writeEndArray();
        } else if (value instanceof AttrValue.M m) {
            writeItem(g, m.values());
        }
        g.writeEndObject();
    }

    private static Map<String, SerializableString> typeFieldNames() {
        Map<String, SerializableString> names = new HashMap<>();
        for (String type : TYPE_ORDER) names.put(type, new SerializedString(type));
        return Map.copyOf(names);
    }

    /**
     * Writes a JSON string exactly as {@code g.writeString(text)} does. A long string made only of printable
     * ASCII without {@code "} or {@code \\} (so nothing JSON escapes) is checked 8 bytes at a time and copied
     * as is; anything else goes through Jackson, which escapes it. {@code ?} goes through Jackson too: it is
     * what getBytes puts in place of a lone surrogate, which Jackson writes as a \\u escape.
     */
    static void writeText(JsonGenerator g, String text) throws IOException {
        if (text.length() >= PLAIN_CHECK_MIN_LENGTH) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8); // a plain copy for an ASCII string
            if (isPlainAscii(utf8)) {
                g.writeRawUTF8String(utf8, 0, utf8.length);
                return;
            }
        }
        g.writeString(text);
    }

    /** No byte at or above 0x80, below 0x20, or equal to '"', '\\' or '?' (exact: SWAR tests of 8 bytes at once). */
    static boolean isPlainAscii(byte[] bytes) {
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i);
            long flagged = x // a high bit set: not ASCII; below, each test is exact once no high bit is set
                    | (x - 0x2020202020202020L) & ~x // a byte below 0x20
                    | hasZeroByte(x ^ 0x2222222222222222L) // '"'
                    | hasZeroByte(x ^ 0x5C5C5C5C5C5C5C5CL) // '\\'
                    | hasZeroByte(x ^ 0x3F3F3F3F3F3F3F3FL); // '?'
            if ((flagged & EVERY_BYTE_HIGH_BIT) != 0) return false;
        }
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b < 0x20 || b == '"' || b == '\\' || b == '?') return false; // a negative byte is at or above 0x80
        }
        return true;
    }

    private static long hasZeroByte(long x) {
        return (x - EVERY_BYTE_ONE) & ~x;
    }
}
