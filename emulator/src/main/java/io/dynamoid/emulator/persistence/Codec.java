package io.dynamoid.emulator.persistence;

import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Bytes;
import io.dynamoid.emulator.storage.Change;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.Item;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.KeySchema;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.storage.Throughput;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binary content of log and snapshot records (format version {@link #FORMAT_VERSION}): a kind byte, then
 * the fields. Items are attribute trees (a type byte per value), table definitions every field of
 * {@link TableDefinition}. Tables are referred to by their id, so a write racing a DeleteTable can never land
 * in a later table of the same name.
 */
final class Codec {
    /** Bump when the encoding changes; files carry it and newer files are refused by older releases. */
    static final int FORMAT_VERSION = 1;

    static final int HEADER = 0;
    static final int TABLE_PUT = 1;
    static final int TABLE_DELETE = 2;
    static final int ITEMS = 3;
    static final int END = 4;

    private static final int PUT = 1;
    private static final int DELETE = 2;

    // attribute value types
    private static final int S = 1, N = 2, B = 3, SS = 4, NS = 5, BS = 6, M = 7, L = 8, BOOL = 9, NULL = 10;

    private Codec() {
    }

    // ---------------------------------------------------------------- records

    /** Who a file belongs to (access key and region; both null for the shared database) and its generation. */
    record Header(String accessKeyId, String region, long generation) implements Record {
    }

    record TablePut(TableDefinition definition) implements Record {
    }

    record TableDelete(String tableId) implements Record {
    }

    /** One item change: {@code attributes} null for a delete of the item at (partition, sort). */
    record ItemChange(String tableId, Map<String, AttrValue> attributes, AttrValue partition, AttrValue sort) {
    }

    /** An atomic group of item changes: one write, a transaction, or a chunk of a snapshot. */
    record Items(List<ItemChange> changes) implements Record {
    }

    /** The last record of a complete snapshot. */
    record End(long tables, long items) implements Record {
    }

    sealed interface Record permits Header, TablePut, TableDelete, Items, End {
    }

    static byte[] header(String accessKeyId, String region, long generation) {
        Output out = new Output(64);
        out.writeByte(HEADER);
        out.writeNullableString(accessKeyId);
        out.writeNullableString(region);
        out.writeLong(generation);
        return out.toByteArray();
    }

    static byte[] tablePut(TableDefinition definition) {
        Output out = new Output(512);
        out.writeByte(TABLE_PUT);
        writeDefinition(out, definition);
        return out.toByteArray();
    }

    static byte[] tableDelete(String tableId) {
        Output out = new Output(64);
        out.writeByte(TABLE_DELETE);
        out.writeString(tableId);
        return out.toByteArray();
    }

    static byte[] changes(List<Change> changes) {
        Output out = new Output(256);
        out.writeByte(ITEMS);
        out.writeVarInt(changes.size());
        for (Change change : changes) {
            if (change.newItem() != null) writePut(out, change.table().definition().id(), change.newItem());
            else {
                out.writeByte(DELETE);
                out.writeString(change.table().definition().id());
                writeValue(out, change.key().partition());
                out.writeBoolean(change.key().sort() != null);
                if (change.key().sort() != null) writeValue(out, change.key().sort());
            }
        }
        return out.toByteArray();
    }

    /** Starts an ITEMS record of puts (a snapshot chunk); follow with {@code count} {@link #writePut} calls. */
    static void startPuts(Output out, int count) {
        out.writeByte(ITEMS);
        out.writeVarInt(count);
    }

    static void writePut(Output out, String tableId, Item item) {
        out.writeByte(PUT);
        out.writeString(tableId);
        writeAttributes(out, item.attributes());
    }

    static byte[] end(long tables, long items) {
        Output out = new Output(32);
        out.writeByte(END);
        out.writeVarInt(tables);
        out.writeVarInt(items);
        return out.toByteArray();
    }

    static Record decode(byte[] payload) {
        Input in = new Input(payload);
        int kind = in.readByte();
        Record record = switch (kind) {
            case HEADER -> new Header(in.readNullableString(), in.readNullableString(), in.readLong());
            case TABLE_PUT -> new TablePut(readDefinition(in));
            case TABLE_DELETE -> new TableDelete(in.readString());
            case ITEMS -> readItems(in);
            case END -> new End(in.readVarLong(), in.readVarLong());
            default -> throw new FormatException("unknown record kind " + kind);
        };
        if (!in.atEnd()) throw new FormatException("unexpected bytes after a record of kind " + kind);
        return record;
    }

    private static Items readItems(Input in) {
        int count = in.readVarInt();
        List<ItemChange> changes = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            int op = in.readByte();
            String tableId = in.readString();
            if (op == PUT) changes.add(new ItemChange(tableId, readAttributes(in), null, null));
            else if (op == DELETE) {
                AttrValue partition = readValue(in);
                AttrValue sort = in.readBoolean() ? readValue(in) : null;
                changes.add(new ItemChange(tableId, null, partition, sort));
            } else throw new FormatException("unknown item change " + op);
        }
        return new Items(changes);
    }

    // ---------------------------------------------------------------- attribute values

    static void writeAttributes(Output out, Map<String, AttrValue> attributes) {
        out.writeVarInt(attributes.size());
        for (Map.Entry<String, AttrValue> e : attributes.entrySet()) {
            out.writeString(e.getKey());
            writeValue(out, e.getValue());
        }
    }

    static Map<String, AttrValue> readAttributes(Input in) {
        int count = in.readVarInt();
        Map<String, AttrValue> attributes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) attributes.put(in.readString(), readValue(in));
        return attributes;
    }

    static void writeValue(Output out, AttrValue value) {
        if (value instanceof AttrValue.S s) {
            out.writeByte(S);
            out.writeString(s.value());
        } else if (value instanceof AttrValue.N n) {
            out.writeByte(N);
            writeNumber(out, n.value());
        } else if (value instanceof AttrValue.B b) {
            out.writeByte(B);
            out.writeBlob(b.value().toArray());
        } else if (value instanceof AttrValue.SS ss) {
            out.writeByte(SS);
            out.writeVarInt(ss.values().size());
            for (String s : ss.values()) out.writeString(s);
        } else if (value instanceof AttrValue.NS ns) {
            out.writeByte(NS);
            out.writeVarInt(ns.values().size());
            for (BigDecimal n : ns.values()) writeNumber(out, n);
        } else if (value instanceof AttrValue.BS bs) {
            out.writeByte(BS);
            out.writeVarInt(bs.values().size());
            for (Bytes b : bs.values()) out.writeBlob(b.toArray());
        } else if (value instanceof AttrValue.M m) {
            out.writeByte(M);
            writeAttributes(out, m.values());
        } else if (value instanceof AttrValue.L l) {
            out.writeByte(L);
            out.writeVarInt(l.values().size());
            for (AttrValue v : l.values()) writeValue(out, v);
        } else if (value instanceof AttrValue.Bool bool) {
            out.writeByte(BOOL);
            out.writeBoolean(bool.value());
        } else if (value instanceof AttrValue.Null) {
            out.writeByte(NULL);
        } else {
            throw new IllegalArgumentException("unknown attribute value " + value);
        }
    }

    static AttrValue readValue(Input in) {
        int type = in.readByte();
        switch (type) {
            case S:
                return new AttrValue.S(in.readString());
            case N:
                return new AttrValue.N(readNumber(in));
            case B:
                return new AttrValue.B(Bytes.wrap(in.readBlob()));
            case SS: {
                int count = in.readVarInt();
                Set<String> values = new LinkedHashSet<>();
                for (int i = 0; i < count; i++) values.add(in.readString());
                return new AttrValue.SS(values);
            }
            case NS: {
                int count = in.readVarInt();
                Set<BigDecimal> values = new LinkedHashSet<>();
                for (int i = 0; i < count; i++) values.add(readNumber(in));
                return new AttrValue.NS(values);
            }
            case BS: {
                int count = in.readVarInt();
                Set<Bytes> values = new LinkedHashSet<>();
                for (int i = 0; i < count; i++) values.add(Bytes.wrap(in.readBlob()));
                return new AttrValue.BS(values);
            }
            case M:
                return new AttrValue.M(readAttributes(in));
            case L: {
                int count = in.readVarInt();
                List<AttrValue> values = new ArrayList<>(Math.min(count, 1024));
                for (int i = 0; i < count; i++) values.add(readValue(in));
                return new AttrValue.L(values);
            }
            case BOOL:
                return AttrValue.Bool.of(in.readBoolean());
            case NULL:
                return AttrValue.Null.INSTANCE;
            default:
                throw new FormatException("unknown attribute type " + type);
        }
    }

    /** Exactly: the unscaled digits and the scale, so a normalized number reads back equal. */
    private static void writeNumber(Output out, BigDecimal n) {
        out.writeBlob(n.unscaledValue().toByteArray());
        out.writeInt(n.scale());
    }

    private static BigDecimal readNumber(Input in) {
        byte[] unscaled = in.readBlob();
        if (unscaled.length == 0) throw new FormatException("empty number");
        return new BigDecimal(new BigInteger(unscaled), in.readInt());
    }

    // ---------------------------------------------------------------- table definitions

    private static void writeDefinition(Output out, TableDefinition d) {
        out.writeString(d.name());
        out.writeString(d.arn());
        out.writeString(d.id());
        out.writeLong(d.createdAtMillis());
        out.writeString(d.status());
        writeKeySchema(out, d.keySchema());
        writeStringMap(out, d.attributeDefinitions());
        out.writeString(d.billingMode());
        out.writeLong(d.billingModeUpdatedAtMillis());
        writeThroughput(out, d.throughput());
        writeIndexes(out, d.globalIndexes());
        writeIndexes(out, d.localIndexes());
        out.writeBoolean(d.streamEnabled());
        out.writeNullableString(d.streamViewType());
        out.writeNullableString(d.streamLabel());
        out.writeNullableString(d.tableClass());
        out.writeBoolean(d.deletionProtection());
        writeStringMap(out, d.tags());
        out.writeNullableString(d.ttlAttribute());
        out.writeNullableString(d.sseKmsKeyArn());
        out.writeLong(d.onDemandMaxRead());
        out.writeLong(d.onDemandMaxWrite());
    }

    private static TableDefinition readDefinition(Input in) {
        return new TableDefinition(in.readString(), in.readString(), in.readString(), in.readLong(), in.readString(),
                readKeySchema(in), readStringMap(in), in.readString(), in.readLong(), readThroughput(in),
                readIndexes(in), readIndexes(in), in.readBoolean(), in.readNullableString(), in.readNullableString(),
                in.readNullableString(), in.readBoolean(), readStringMap(in), in.readNullableString(),
                in.readNullableString(), in.readLong(), in.readLong());
    }

    private static void writeKeySchema(Output out, KeySchema schema) {
        writeKeyElement(out, schema.hash());
        out.writeBoolean(schema.range() != null);
        if (schema.range() != null) writeKeyElement(out, schema.range());
    }

    private static KeySchema readKeySchema(Input in) {
        KeyElement hash = readKeyElement(in);
        return new KeySchema(hash, in.readBoolean() ? readKeyElement(in) : null);
    }

    private static void writeKeyElement(Output out, KeyElement element) {
        out.writeString(element.name());
        out.writeString(element.keyType());
        out.writeString(element.attributeType());
    }

    private static KeyElement readKeyElement(Input in) {
        return new KeyElement(in.readString(), in.readString(), in.readString());
    }

    private static void writeThroughput(Output out, Throughput t) {
        out.writeBoolean(t != null);
        if (t == null) return;
        out.writeLong(t.readCapacityUnits());
        out.writeLong(t.writeCapacityUnits());
        out.writeLong(t.lastIncrease());
        out.writeLong(t.lastDecrease());
        out.writeLong(t.decreasesToday());
    }

    private static Throughput readThroughput(Input in) {
        if (!in.readBoolean()) return null;
        return new Throughput(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeIndexes(Output out, List<IndexDefinition> indexes) {
        out.writeVarInt(indexes.size());
        for (IndexDefinition i : indexes) {
            out.writeString(i.name());
            out.writeBoolean(i.global());
            writeKeySchema(out, i.keySchema());
            out.writeNullableString(i.projectionType());
            out.writeBoolean(i.nonKeyAttributes() != null);
            if (i.nonKeyAttributes() != null) {
                out.writeVarInt(i.nonKeyAttributes().size());
                for (String a : i.nonKeyAttributes()) out.writeString(a);
            }
            out.writeNullableString(i.status());
            writeThroughput(out, i.throughput());
            out.writeNullableString(i.arn());
        }
    }

    private static List<IndexDefinition> readIndexes(Input in) {
        int count = in.readVarInt();
        List<IndexDefinition> indexes = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String name = in.readString();
            boolean global = in.readBoolean();
            KeySchema schema = readKeySchema(in);
            String projection = in.readNullableString();
            List<String> nonKey = null;
            if (in.readBoolean()) {
                int attributes = in.readVarInt();
                nonKey = new ArrayList<>(attributes);
                for (int a = 0; a < attributes; a++) nonKey.add(in.readString());
                nonKey = List.copyOf(nonKey);
            }
            indexes.add(new IndexDefinition(name, global, schema, projection, nonKey, in.readNullableString(),
                    readThroughput(in), in.readNullableString()));
        }
        return indexes;
    }

    private static void writeStringMap(Output out, Map<String, String> map) {
        out.writeVarInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeString(e.getKey());
            out.writeString(e.getValue());
        }
    }

    private static Map<String, String> readStringMap(Input in) {
        int count = in.readVarInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) map.put(in.readString(), in.readString());
        return map;
    }
}
