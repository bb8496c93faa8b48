package io.dynamoid.orm.internal.associations;

import io.dynamoid.orm.Association;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.internal.meta.ModelMeta;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The associations of a model class, read once per class: every non-static field whose type is an
 * {@link Association}. Their declarations (target class, options) are read from one instance made with the
 * no-argument constructor, since they are given by the field initializers ({@code hasMany(Address.class)}).
 */
public final class AssociationMeta {
    private static final ClassValue<AssociationMeta> CACHE = new ClassValue<>() {
        @Override
        protected AssociationMeta computeValue(Class<?> type) {
            return new AssociationMeta(type);
        }
    };
    private static final Field DECLARATION = associationField("declaration");
    private static final Field LINKS = associationField("links");

    private final Class<?> type;
    private final Map<String, Definition> byName;
    /** Set once every explicit inverse was found (checked lazily: the target's meta may be under construction). */
    private volatile boolean inversesChecked;

    public static AssociationMeta of(Class<?> type) {
        return CACHE.get(type);
    }

    private AssociationMeta(Class<?> type) {
        this.type = type;
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Model.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && Association.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        Map<String, Definition> definitions = new LinkedHashMap<>();
        Object prototype = fields.isEmpty() ? null : ModelMeta.of(type).newInstance();
        for (Field f : fields) {
            Object association = read(f, prototype);
            if (association == null) {
                throw new ModelDefinitionException(type.getSimpleName() + "." + f.getName()
                        + " must be initialized, e.g. with hasMany(Target.class)");
            }
            Declaration d = (Declaration) read(DECLARATION, association);
            String attribute = d.foreignKey() != null ? d.foreignKey() : f.getName() + "_ids";
            if (ModelMeta.of(type).fields().stream().anyMatch(m -> m.attributeName().equals(attribute))) {
                throw new ModelDefinitionException(type.getSimpleName() + "." + f.getName() + " stores its keys in '" + attribute
                        + "', which is already a field's attribute");
            }
            definitions.put(f.getName(), new Definition(type, f.getName(), d, attribute, f));
        }
        this.byName = Map.copyOf(definitions);
    }

    /**
     * This meta, after checking that every explicit {@code inverseOf} names a matching association; done before
     * a record is first written or read, so that a wrong declaration fails before any data changes.
     */
    public AssociationMeta checked() {
        if (!inversesChecked) {
            byName.values().forEach(AssociationMeta::inverse);
            inversesChecked = true;
        }
        return this;
    }

    public List<Definition> definitions() {
        return List.copyOf(byName.values());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The definition of the association object {@code association} held by {@code model}. */
    public Definition definitionOf(Object model, Object association) {
        for (Definition d : byName.values()) {
            if (read(d.field(), model) == association) {
                return d;
            }
        }
        throw new ModelDefinitionException("This association is not a field of " + type.getSimpleName()
                + " (associations are declared as fields: public final HasMany<T> name = hasMany(T.class))");
    }

    /** The association object of {@code model} for this definition. */
    public static Association<?> association(Object model, Definition d) {
        return (Association<?>) read(d.field(), model);
    }

    /** The stored links of {@code model} for this definition. */
    public static Links links(Object model, Definition d) {
        return (Links) read(LINKS, association(model, d));
    }

    /**
     * The inverse association on the target class, as Dynamoid finds it: the {@code inverseOf} name, else the
     * name of the class declaring the association in lower camel case, plural for the many side (User →
     * {@code users}, {@code user}; a subclass inheriting the field keeps its declarer's name), of a kind that
     * pairs with this one. An explicit name that does not fit is a {@link ModelDefinitionException};
     * a derived one that does not exist means there is no inverse side.
     */
    public static Optional<Definition> inverse(Definition d) {
        AssociationMeta target = of(d.target());
        String explicit = d.declaration().inverseOf();
        if (explicit != null) {
            Definition inverse = target.byName.get(explicit);
            if (inverse == null || !d.kind().pairsWith(inverse.kind()) || !inverse.target().isAssignableFrom(d.owner())) {
                throw new ModelDefinitionException(d + " names inverse '" + explicit + "', but " + d.target().getSimpleName()
                        + " has no matching association to " + d.owner().getSimpleName());
            }
            return Optional.of(inverse);
        }
        String singular = lowerCamel(d.field().getDeclaringClass().getSimpleName());
        for (String name : List.of(ModelMeta.pluralize(singular), singular)) {
            Definition candidate = target.byName.get(name);
            if (candidate != null && d.kind().pairsWith(candidate.kind()) && candidate.target().isAssignableFrom(d.owner())
                    && candidate.kind().many() == name.equals(ModelMeta.pluralize(singular))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String lowerCamel(String className) {
        return className.substring(0, 1).toLowerCase(Locale.ROOT) + className.substring(1);
    }

    private static Object read(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            throw new ModelDefinitionException("Cannot access " + f + " (a module that does not open it?)", e);
        }
    }

    private static Field associationField(String name) {
        try {
            Field f = Association.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
