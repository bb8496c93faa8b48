package io.dynamoid.orm.internal;

import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.InvalidValueException;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.MissingHashKeyException;
import io.dynamoid.orm.MissingRangeKeyException;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.UnknownAttributeException;
import io.dynamoid.orm.internal.associations.Storage;
import io.dynamoid.orm.internal.meta.FieldMeta;
import io.dynamoid.orm.internal.meta.ModelMeta;
import io.dynamoid.orm.internal.types.Codecs;
import io.dynamoid.orm.internal.types.FieldCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model class as one {@code Dynamoid} instance stores it: table name (namespaced), which fields are stored
 * (timestamps may be off) and each field's representation under that configuration.
 */
public final class ModelMapping {
    /** A stored field with its representation. */
    public record MappedField(FieldMeta meta, FieldCodec codec) {
        public String name() {
            return meta.attributeName();
        }

        /** The attribute for a Java value, or null when nothing is to be stored. */
        public AttributeValue dump(Object value) {
            if (value == null) {
                return null;
            }
            try {
                return codec.dump(meta.coerce(value));
            } catch (ClassCastException e) {
                throw new InvalidValueException("A " + value.getClass().getSimpleName() + " is not a value of "
                        + meta + " (" + meta.type().getSimpleName() + ")", e);
            }
        }

        public Object load(AttributeValue value) {
            return value == null || Boolean.TRUE.equals(value.nul()) ? null : codec.load(value);
        }
    }

    private final ModelMeta meta;
    private final DynamoidConfig config;
    private final String tableName;
    private final boolean timestamps;
    private final List<MappedField> fields;
    private final Map<String, MappedField> byName;
    private final MappedField hashKey;
    private final MappedField rangeKey;

    public ModelMapping(ModelMeta meta, DynamoidConfig config) {
        this.meta = meta;
        this.config = config;
        this.tableName = config.namespace().isEmpty() ? meta.baseTableName() : config.namespace() + "_" + meta.baseTableName();
        this.timestamps = meta.timestamps().or(config.timestamps());
        List<MappedField> stored = new ArrayList<>();
        Map<String, MappedField> names = new HashMap<>();
        for (FieldMeta f : meta.fields()) {
            if (f.isTimestamp() && !timestamps) {
                continue;
            }
            MappedField mapped = new MappedField(f, Codecs.forField(f, config));
            stored.add(mapped);
            names.put(f.attributeName(), mapped);
            names.putIfAbsent(f.javaName(), mapped);
        }
        this.fields = List.copyOf(stored);
        this.byName = Map.copyOf(names);
        this.hashKey = names.get(meta.hashKey().attributeName());
        this.rangeKey = meta.rangeKey() == null ? null : names.get(meta.rangeKey().attributeName());
        requireKeyType(hashKey);
        requireKeyType(rangeKey);
    }

    private void requireKeyType(MappedField key) {
        if (key != null && key.codec().keyType() == null) {
            throw new ModelDefinitionException("Key field " + key.meta() + " has no string, number or binary representation");
        }
    }

    public ModelMeta meta() {
        return meta;
    }

    public DynamoidConfig config() {
        return config;
    }

    public String tableName() {
        return tableName;
    }

    public boolean timestamps() {
        return timestamps;
    }

    public List<MappedField> fields() {
        return fields;
    }

    public MappedField hashKey() {
        return hashKey;
    }

    /** The range key, or null. */
    public MappedField rangeKey() {
        return rangeKey;
    }

    /** The stored field with this attribute or Java name; {@code UnknownAttributeException} otherwise. */
    public MappedField field(String name) {
        MappedField f = byName.get(name);
        if (f == null) {
            meta.field(name); // throws UnknownAttributeException for a name the model does not have at all
            throw new UnknownAttributeException(meta.type().getSimpleName() + " does not store '" + name
                    + "' (timestamps are off)");
        }
        return f;
    }

    /** The item for a record: every non-null field; null fields omitted, or NULL when so configured. */
    public Map<String, AttributeValue> dump(Object model) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (MappedField f : fields) {
            AttributeValue v = f.dump(f.meta().get(model));
            if (v != null) {
                item.put(f.name(), v);
            } else if (config.storeAttributeWithNullValue()) {
                item.put(f.name(), AttributeValue.fromNul(true));
            }
        }
        Storage.dump(model, item);
        return item;
    }

    /** Sets every stored field from an item; attributes the item lacks become null (or a primitive's default). */
    public void load(Object model, Map<String, AttributeValue> item) {
        for (MappedField f : fields) {
            f.meta().set(model, f.load(item.get(f.name())));
        }
        Storage.load(model, item);
    }

    /** A new instance of the model holding this item. */
    public Object instantiate(Map<String, AttributeValue> item) {
        Object model = meta.newInstance();
        load(model, item);
        return model;
    }

    /** The primary key attributes of a record, checking that they are set. */
    public Map<String, AttributeValue> keyOf(Object model) {
        return key(Key.of(requireHash(hashKey.meta().get(model)), rangeKey == null ? null : rangeKey.meta().get(model)));
    }

    /** The primary key attributes for a key given as Java values. */
    public Map<String, AttributeValue> key(Key key) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(hashKey.name(), keyValue(hashKey, key.hash()));
        if (rangeKey != null) {
            if (key.range() == null) {
                throw new MissingRangeKeyException(meta.type().getSimpleName() + " needs a range key value (" + rangeKey.name() + ")");
            }
            attributes.put(rangeKey.name(), keyValue(rangeKey, key.range()));
        }
        return attributes;
    }

    /** The names of the key attributes (hash, then range). */
    public List<String> keyNames() {
        return rangeKey == null ? List.of(hashKey.name()) : List.of(hashKey.name(), rangeKey.name());
    }

    /** The primary key attributes within an item. */
    public Map<String, AttributeValue> keyOfItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hashKey.name(), item.get(hashKey.name()));
        if (rangeKey != null) {
            key.put(rangeKey.name(), item.get(rangeKey.name()));
        }
        return key;
    }

    /** A key from a {@link Key} or a bare hash key value. */
    public Map<String, AttributeValue> key(Object keyOrHash) {
        return key(keyOrHash instanceof Key k ? k : Key.of(keyOrHash));
    }

    private Object requireHash(Object value) {
        if (value == null) {
            throw new MissingHashKeyException(meta.type().getSimpleName() + " has no hash key value (" + hashKey.name() + ")");
        }
        return value;
    }

    private AttributeValue keyValue(MappedField field, Object value) {
        AttributeValue v = field.dump(value);
        if (v == null) {
            throw new MissingHashKeyException("An empty value cannot be the key " + field.name() + " of " + meta.type().getSimpleName());
        }
        return v;
    }
}
