package io.dynamoid.orm.internal.meta;

import io.dynamoid.orm.DynamoidException;
import io.dynamoid.orm.Field;
import io.dynamoid.orm.InvalidValueException;
import io.dynamoid.orm.ModelDefinitionException;

import java.lang.reflect.Type;

/**
 * One persisted Java field of a model: where it lives, its attribute name and its declared options. Knows
 * nothing of the configuration; {@code internal.types.Codecs} turns it into a representation.
 */
public final class FieldMeta {
    /** Why the ORM itself manages a field. */
    public enum Role { PLAIN, AUTO_ID, CREATED_AT, UPDATED_AT }

    private final java.lang.reflect.Field field;
    private final String attributeName;
    private final Field options;
    private final Role role;
    private final boolean ttl;

    FieldMeta(java.lang.reflect.Field field, String attributeName, Role role, boolean ttl) {
        field.setAccessible(true);
        this.field = field;
        this.options = field.getAnnotation(Field.class);
        this.attributeName = attributeName;
        this.role = role;
        this.ttl = ttl;
    }

    public String javaName() {
        return field.getName();
    }

    public String attributeName() {
        return attributeName;
    }

    public Class<?> type() {
        return field.getType();
    }

    public Type genericType() {
        return field.getGenericType();
    }

    /** The {@code @Field} options, or null when the field has none. */
    public Field options() {
        return options;
    }

    public Role role() {
        return role;
    }

    public boolean isTimestamp() {
        return role == Role.CREATED_AT || role == Role.UPDATED_AT;
    }

    public boolean isTtl() {
        return ttl;
    }

    public Object get(Object model) {
        try {
            return field.get(model);
        } catch (IllegalAccessException e) {
            throw accessFailure(e);
        }
    }

    /** A number converted to this field's numeric type (5 for a {@code Long} field is 5L); other values as they are. */
    public Object coerce(Object value) {
        return value instanceof Number n ? Numbers.convert(n, field.getType()) : value;
    }

    /** Sets the field; null on a primitive field leaves its default (0, false); numbers convert to the field's type. */
    public void set(Object model, Object value) {
        if (value == null && field.getType().isPrimitive()) {
            value = primitiveDefault(field.getType());
        } else {
            value = coerce(value);
        }
        try {
            field.set(model, value);
        } catch (IllegalAccessException e) {
            throw accessFailure(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("Cannot assign a " + value.getClass().getSimpleName()
                    + " to " + field.getDeclaringClass().getSimpleName() + "." + field.getName() + " of type "
                    + field.getType().getSimpleName(), e);
        }
    }

    private static Object primitiveDefault(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private DynamoidException accessFailure(IllegalAccessException e) {
        return new ModelDefinitionException("Cannot access " + field + " (a module that does not open it?)", e);
    }

    @Override
    public String toString() {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }
}
