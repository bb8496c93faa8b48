package io.dynamoid.orm.internal;

import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.persistence.Selection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Java record as a read-only view of a model: each component is the model field of the same name (Java or
 * attribute name) and type, read with that field's representation; reads fetch only those attributes.
 */
public final class RecordMapping<R> {
    private final Class<R> type;
    private final Constructor<R> constructor;
    private final List<MappedField> fields;
    private final Selection selection;

    RecordMapping(ModelMapping model, Class<R> type) {
        if (!type.isRecord()) {
            throw new ModelDefinitionException(type.getName() + " is not a record");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        List<MappedField> mapped = new ArrayList<>();
        for (RecordComponent c : components) {
            MappedField f = model.field(c.getName());
            if (!boxed(c.getType()).equals(boxed(f.meta().type()))) {
                throw new ModelDefinitionException(type.getSimpleName() + "." + c.getName() + " is a " + c.getType().getSimpleName()
                        + " but " + f.meta() + " is a " + f.meta().type().getSimpleName());
            }
            mapped.add(f);
        }
        this.fields = List.copyOf(mapped);
        List<String> attributes = new ArrayList<>(model.keyNames());
        fields.forEach(f -> attributes.add(f.name()));
        if (model.typeField().restricts()) {
            attributes.add(model.typeField().attribute()); // a subclass's reads skip other classes' items
        }
        this.selection = Selection.of(attributes);
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ModelDefinitionException(type.getSimpleName() + " has no canonical constructor", e);
        }
    }

    /**
     * The attributes to read: the components', the key (so that batch results can be matched) and, for a subclass
     * of a single-table hierarchy, the type.
     */
    public Selection selection() {
        return selection;
    }

    public R instantiate(Map<String, AttributeValue> item) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = fields.get(i).load(item.get(fields.get(i).name()));
            values[i] = v == null && constructor.getParameterTypes()[i].isPrimitive() ? defaultOf(constructor.getParameterTypes()[i]) : v;
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new ModelDefinitionException("The constructor of " + type.getSimpleName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ModelDefinitionException("Cannot construct " + type.getSimpleName(), e);
        }
    }

    private static Object defaultOf(Class<?> primitive) {
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(primitive, 1), 0);
    }

    private static Class<?> boxed(Class<?> c) {
        return c.isPrimitive() ? java.lang.invoke.MethodType.methodType(c).wrap().returnType() : c;
    }
}
