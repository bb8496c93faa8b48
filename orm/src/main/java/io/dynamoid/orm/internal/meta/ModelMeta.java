package io.dynamoid.orm.internal.meta;

import io.dynamoid.orm.Association;
import io.dynamoid.orm.GlobalIndex;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.LocalIndex;
import io.dynamoid.orm.LockVersion;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.RangeKey;
import io.dynamoid.orm.Setting;
import io.dynamoid.orm.Table;
import io.dynamoid.orm.Ttl;
import io.dynamoid.orm.UnknownAttributeException;
import io.dynamoid.orm.internal.inheritance.TypeField;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What reflection tells about a model class, read once per class: persisted fields, keys, indexes, table
 * options. Independent of any configuration, so shared by every {@code Dynamoid} instance.
 */
public final class ModelMeta {
    private static final ClassValue<ModelMeta> CACHE = new ClassValue<>() {
        @Override
        protected ModelMeta computeValue(Class<?> type) {
            return new ModelMeta(type);
        }
    };

    private final Class<?> type;
    private final Constructor<?> constructor;
    private final String baseTableName;
    private final Setting timestamps;
    private final long readCapacity;
    private final long writeCapacity;
    private final List<FieldMeta> fields;
    private final Map<String, FieldMeta> byName;
    private final FieldMeta hashKey;
    private final FieldMeta rangeKey;
    private final FieldMeta lockVersion;
    private final FieldMeta ttl;
    private final long ttlAfterSeconds;
    private final List<IndexMeta> indexes;

    public static ModelMeta of(Class<?> type) {
        return CACHE.get(type);
    }

    private ModelMeta(Class<?> type) {
        // An abstract class below a hierarchy's concrete base is a model to read its descendants through.
        if (!Model.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers()) && TypeField.tableOwner(type) == type) {
            throw new ModelDefinitionException(type.getName() + " is not a concrete subclass of " + Model.class.getName());
        }
        this.type = type;
        this.constructor = noArgumentConstructor(type);
        Class<?> tableOwner = TypeField.tableOwner(type); // a subclass shares its hierarchy's table
        Table table = tableOwner.getAnnotation(Table.class);
        this.baseTableName = table == null || table.name().isEmpty() ? tableize(tableOwner.getSimpleName()) : table.name();
        this.timestamps = table == null ? Setting.DEFAULT : table.timestamps();
        this.readCapacity = table == null ? 0 : table.readCapacity();
        this.writeCapacity = table == null ? 0 : table.writeCapacity();

        List<FieldMeta> declared = new ArrayList<>();
        FieldMeta hash = null;
        FieldMeta range = null;
        FieldMeta lock = null;
        FieldMeta expiry = null;
        long after = 0;
        for (Class<?> c : hierarchyBelowModel(type)) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || f.isSynthetic()) {
                    continue;
                }
                if (Association.class.isAssignableFrom(f.getType())) {
                    continue; // not an attribute: internal.associations stores its keys
                }
                io.dynamoid.orm.Field options = f.getAnnotation(io.dynamoid.orm.Field.class);
                String attribute = options == null || options.name().isEmpty() ? f.getName() : options.name();
                Ttl ttlOption = f.getAnnotation(Ttl.class);
                FieldMeta meta = new FieldMeta(f, attribute, FieldMeta.Role.PLAIN, ttlOption != null);
                declared.add(meta);
                if (f.isAnnotationPresent(HashKey.class)) {
                    hash = single(hash, meta, "@HashKey");
                }
                if (f.isAnnotationPresent(RangeKey.class)) {
                    range = single(range, meta, "@RangeKey");
                }
                if (f.isAnnotationPresent(LockVersion.class)) {
                    lock = single(lock, meta, "@LockVersion");
                    requireType(meta, "@LockVersion", int.class, Integer.class, long.class, Long.class);
                }
                if (ttlOption != null) {
                    expiry = single(expiry, meta, "@Ttl");
                    after = ttlOption.afterSeconds();
                    requireType(meta, "@Ttl", long.class, Long.class, Instant.class);
                }
            }
        }
        List<FieldMeta> all = new ArrayList<>();
        if (hash == null) {
            hash = new FieldMeta(modelField("id"), "id", FieldMeta.Role.AUTO_ID, false);
            all.add(hash);
        }
        all.addAll(declared);
        all.add(new FieldMeta(modelField("createdAt"), "created_at", FieldMeta.Role.CREATED_AT, false));
        all.add(new FieldMeta(modelField("updatedAt"), "updated_at", FieldMeta.Role.UPDATED_AT, false));
        this.fields = List.copyOf(all);
        this.hashKey = hash;
        this.rangeKey = range;
        this.lockVersion = lock;
        this.ttl = expiry;
        this.ttlAfterSeconds = after;

        Map<String, FieldMeta> names = new LinkedHashMap<>();
        for (FieldMeta f : fields) {
            if (names.put(f.attributeName(), f) != null) {
                throw new ModelDefinitionException(type.getSimpleName() + " maps two fields to attribute '" + f.attributeName() + "'");
            }
        }
        for (FieldMeta f : fields) {
            names.putIfAbsent(f.javaName(), f);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.indexes = List.copyOf(indexes(tableOwner));
    }

    private List<IndexMeta> indexes(Class<?> type) {
        List<IndexMeta> result = new ArrayList<>();
        for (GlobalIndex g : type.getAnnotationsByType(GlobalIndex.class)) {
            result.add(new IndexMeta(true, g.name().isEmpty() ? null : g.name(), indexKey(g.hashKey()),
                    g.rangeKey().isEmpty() ? null : indexKey(g.rangeKey()), g.projection(),
                    attributeNames(g.projectedAttributes()), g.readCapacity(), g.writeCapacity()));
        }
        for (LocalIndex l : type.getAnnotationsByType(LocalIndex.class)) {
            if (rangeKey == null) {
                throw new ModelDefinitionException(type.getSimpleName() + " declares a local index but has no @RangeKey");
            }
            result.add(new IndexMeta(false, l.name().isEmpty() ? null : l.name(), hashKey, indexKey(l.rangeKey()),
                    l.projection(), attributeNames(l.projectedAttributes()), 0, 0));
        }
        return result;
    }

    /** Projected attributes named by Java name become attribute names; other names are kept as written. */
    private List<String> attributeNames(String[] names) {
        return Arrays.stream(names).map(n -> byName.containsKey(n) ? byName.get(n).attributeName() : n).toList();
    }

    private FieldMeta indexKey(String name) {
        FieldMeta f = byName.get(name);
        if (f == null) {
            throw new ModelDefinitionException(type.getSimpleName() + " declares an index on unknown field '" + name + "'");
        }
        return f;
    }

    public Class<?> type() {
        return type;
    }

    /** A new, empty instance through the no-argument constructor. */
    public Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new ModelDefinitionException("The constructor of " + type.getSimpleName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ModelDefinitionException("Cannot instantiate " + type.getSimpleName(), e);
        }
    }

    /** The table name before the namespace prefix. */
    public String baseTableName() {
        return baseTableName;
    }

    public Setting timestamps() {
        return timestamps;
    }

    public long readCapacity() {
        return readCapacity;
    }

    public long writeCapacity() {
        return writeCapacity;
    }

    /** Every persisted field: the key(s) and declared fields, then created_at and updated_at. */
    public List<FieldMeta> fields() {
        return fields;
    }

    /** The field with this attribute name or Java name. */
    public FieldMeta field(String name) {
        FieldMeta f = byName.get(name);
        if (f == null) {
            throw new UnknownAttributeException(type.getSimpleName() + " has no attribute '" + name + "'");
        }
        return f;
    }

    public FieldMeta hashKey() {
        return hashKey;
    }

    /** The range key field, or null. */
    public FieldMeta rangeKey() {
        return rangeKey;
    }

    /** The optimistic-locking field, or null. */
    public FieldMeta lockVersion() {
        return lockVersion;
    }

    /** The time-to-live field, or null. */
    public FieldMeta ttl() {
        return ttl;
    }

    public long ttlAfterSeconds() {
        return ttlAfterSeconds;
    }

    public List<IndexMeta> indexes() {
        return indexes;
    }

    /** Dynamoid's table naming: {@code UserAccount} → {@code user_accounts}. */
    static String tableize(String className) {
        String snake = className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
        return pluralize(snake);
    }

    /** English plural of a lower-case word, as table names and association names use it. */
    public static String pluralize(String word) {
        if (word.matches(".*[^aeiou]y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.matches(".*(s|x|z|ch|sh)")) {
            return word + "es";
        }
        return word + "s";
    }

    private static List<Class<?>> hierarchyBelowModel(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != Model.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        return chain;
    }

    private static java.lang.reflect.Field modelField(String name) {
        try {
            return Model.class.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Constructor<?> noArgumentConstructor(Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return c;
        } catch (NoSuchMethodException e) {
            throw new ModelDefinitionException(type.getSimpleName() + " needs a no-argument constructor", e);
        }
    }

    private FieldMeta single(FieldMeta existing, FieldMeta candidate, String annotation) {
        if (existing != null) {
            throw new ModelDefinitionException(candidate.toString() + " and " + existing + " are both " + annotation);
        }
        return candidate;
    }

    private static void requireType(FieldMeta f, String annotation, Class<?>... allowed) {
        if (!Arrays.asList(allowed).contains(f.type())) {
            throw new ModelDefinitionException(annotation + " field " + f + " has unsupported type " + f.type().getSimpleName());
        }
    }
}
