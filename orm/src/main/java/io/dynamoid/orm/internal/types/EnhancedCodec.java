package io.dynamoid.orm.internal.types;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.lang.reflect.Type;

/**
 * Every type the SDK's enhanced client already converts the way Dynamoid stores it: strings, numbers (N),
 * enums (S), byte arrays (B), sets (SS/NS/BS), lists (L), maps (M), UUIDs and more.
 */
final class EnhancedCodec implements FieldCodec {
    private static final DefaultAttributeConverterProvider PROVIDER = DefaultAttributeConverterProvider.create();

    private final AttributeConverter<Object> converter;

    private EnhancedCodec(AttributeConverter<Object> converter) {
        this.converter = converter;
    }

    /** The SDK's converter for this (generic) type, or null when it has none. */
    @SuppressWarnings("unchecked")
    static FieldCodec forType(Type type) {
        try {
            return new EnhancedCodec((AttributeConverter<Object>) PROVIDER.converterFor(EnhancedType.of(boxed(type))));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public AttributeValue dump(Object value) {
        return converter.transformFrom(value);
    }

    @Override
    public Object load(AttributeValue value) {
        return converter.transformTo(value);
    }

    @Override
    public ScalarAttributeType keyType() {
        AttributeValueType type = converter.attributeValueType();
        if (type == AttributeValueType.S) {
            return ScalarAttributeType.S;
        }
        if (type == AttributeValueType.N) {
            return ScalarAttributeType.N;
        }
        if (type == AttributeValueType.B) {
            return ScalarAttributeType.B;
        }
        return null;
    }

    private static Type boxed(Type type) {
        if (!(type instanceof Class<?> c) || !c.isPrimitive()) {
            return type;
        }
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        if (c == double.class) {
            return Double.class;
        }
        if (c == float.class) {
            return Float.class;
        }
        if (c == short.class) {
            return Short.class;
        }
        if (c == byte.class) {
            return Byte.class;
        }
        if (c == char.class) {
            return Character.class;
        }
        return Boolean.class;
    }
}
