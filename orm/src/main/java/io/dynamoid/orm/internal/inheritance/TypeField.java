package io.dynamoid.orm.internal.inheritance;

import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.internal.meta.FieldMeta;
import io.dynamoid.orm.internal.meta.ModelMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * The type attribute as one model class of a single-table hierarchy sees it: the name it stores, the names its
 * reads admit (its own and its descendants'), and the class an item names. {@link #NONE} for a model outside any
 * hierarchy, which stores and filters nothing.
 */
public final class TypeField {
    public static final TypeField NONE = new TypeField(null, null, null, List.of(), null);

    private static final ClassValue<TypeField> CACHE = new ClassValue<>() {
        @Override
        protected TypeField computeValue(Class<?> model) {
            return create(model);
        }
    };

    private final Hierarchy hierarchy;
    private final Class<?> model;
    private final String typeName;
    private final List<String> admitted;
    private final FieldMeta declared;

    private TypeField(Hierarchy hierarchy, Class<?> model, String typeName, List<String> admitted, FieldMeta declared) {
        this.hierarchy = hierarchy;
        this.model = model;
        this.typeName = typeName;
        this.admitted = admitted;
        this.declared = declared;
    }

    public static TypeField of(Class<?> model) {
        return CACHE.get(model);
    }

    /** The class whose table and table options a model uses: the base of its hierarchy, or itself. */
    public static Class<?> tableOwner(Class<?> model) {
        return Hierarchy.baseOf(model);
    }

    private static TypeField create(Class<?> model) {
        Hierarchy h = Hierarchy.of(Hierarchy.baseOf(model));
        if (!h.active() && model == h.base()) {
            return NONE;
        }
        if (!h.contains(model)) {
            throw new ModelDefinitionException(model.getSimpleName() + " extends " + h.base().getSimpleName() + " and so shares its table,"
                    + " but is not one of its declared subclasses: list it in @Inheritance(subclasses = ...) on " + h.base().getSimpleName());
        }
        List<String> admitted = h.names().entrySet().stream().filter(e -> model.isAssignableFrom(e.getKey())).map(Map.Entry::getValue).toList();
        FieldMeta declared = ModelMeta.of(model).fields().stream().filter(f -> f.attributeName().equals(h.attribute())).findFirst().orElse(null);
        if (declared != null && declared.type() != String.class) {
            throw new ModelDefinitionException(declared + " holds the type names of " + h.base().getSimpleName() + "'s hierarchy: it must be a String");
        }
        return new TypeField(h, model, h.names().get(model), admitted, declared);
    }

    /** Whether the model belongs to a single-table hierarchy. */
    public boolean present() {
        return hierarchy != null;
    }

    /** Whether reads must be restricted to some type names: the model is a subclass, not the base. */
    public boolean restricts() {
        return present() && model != hierarchy.base();
    }

    /** The attribute holding type names, or null outside a hierarchy. */
    public String attribute() {
        return present() ? hierarchy.attribute() : null;
    }

    /** The type names of this class (if concrete) and of its concrete descendants. */
    public List<String> admitted() {
        return admitted;
    }

    /** The type name items of this class store, or null for an abstract class (or outside a hierarchy). */
    public String typeName() {
        return typeName;
    }

    /** The field the model declares for the type attribute, or null. */
    public FieldMeta declared() {
        return declared;
    }

    /** Writes the model's type name into its item (and into the declared field, if any). */
    public void stamp(Object record, Map<String, AttributeValue> item) {
        if (typeName != null) {
            item.put(hierarchy.attribute(), AttributeValue.fromS(typeName));
            if (declared != null) {
                declared.set(record, typeName);
            }
        }
    }

    /**
     * The class to instantiate for an item: the one its type names; the model itself for an item without a type
     * (written before the hierarchy existed). {@link ModelDefinitionException} for a name no member has.
     */
    public Class<?> classOf(Map<String, AttributeValue> item) {
        AttributeValue type = present() ? item.get(hierarchy.attribute()) : null;
        if (type == null || type.s() == null) {
            return model;
        }
        Class<?> named = hierarchy.classNamed(type.s());
        if (named == null) {
            throw new ModelDefinitionException("An item of " + hierarchy.base().getSimpleName() + "'s table has type '" + type.s()
                    + "', which no class of its hierarchy has (known: " + hierarchy.names().values() + ")");
        }
        return named;
    }

    /** Whether a read of this model may return the item: always, unless it names a class outside this one's subtree. */
    public boolean admits(Map<String, AttributeValue> item) {
        if (!restricts()) {
            return true;
        }
        AttributeValue type = item.get(hierarchy.attribute());
        return type != null && admitted.contains(type.s());
    }
}
