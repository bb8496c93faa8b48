package io.dynamoid.orm.internal.types;

import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Field;
import io.dynamoid.orm.FieldConverter;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.Setting;
import io.dynamoid.orm.internal.meta.FieldMeta;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.LocalDate;

/** Chooses the representation of a field from its type, its {@code @Field} options and the configuration. */
public final class Codecs {
    private Codecs() {
    }

    public static FieldCodec forField(FieldMeta field, DynamoidConfig config) {
        Field options = field.options();
        Class<?> type = field.type();
        if (field.isTtl()) {
            return SimpleCodecs.epochSeconds(type);
        }
        if (options != null && options.converter() != FieldConverter.class) {
            return custom(options.converter());
        }
        if (options != null && options.serialized()) {
            return new SerializedCodec(field.genericType());
        }
        if (type == AttributeValue.class) {
            return SimpleCodecs.RAW;
        }
        Setting asString = options == null ? Setting.DEFAULT : options.storeAsString();
        FieldCodec dateTime = DateTimeCodec.forType(type, asString.or(config.storeDateTimeAsString()));
        if (dateTime != null) {
            return dateTime;
        }
        if (type == LocalDate.class) {
            return SimpleCodecs.date(asString.or(config.storeDateAsString()));
        }
        if (type == boolean.class || type == Boolean.class) {
            Setting nativeBoolean = options == null ? Setting.DEFAULT : options.nativeBoolean();
            return SimpleCodecs.bool(!nativeBoolean.or(config.storeBooleanAsNative()));
        }
        FieldCodec enhanced = EnhancedCodec.forType(field.genericType());
        if (enhanced == null) {
            throw new ModelDefinitionException("Field " + field + " has type " + field.genericType().getTypeName()
                    + " which has no DynamoDB representation: use @Field(serialized = true) or a converter");
        }
        return withoutEmptyValues(enhanced, config.storeEmptyStringAsNull());
    }

    /** DynamoDB refuses empty sets, and Dynamoid stores empty strings as null unless told otherwise. */
    private static FieldCodec withoutEmptyValues(FieldCodec codec, boolean emptyStringAsNull) {
        return new FieldCodec() {
            @Override
            public AttributeValue dump(Object value) {
                AttributeValue v = codec.dump(value);
                boolean emptySet = v.hasSs() && v.ss().isEmpty() || v.hasNs() && v.ns().isEmpty() || v.hasBs() && v.bs().isEmpty();
                boolean emptyString = emptyStringAsNull && v.s() != null && v.s().isEmpty();
                return emptySet || emptyString ? null : v;
            }

            @Override
            public Object load(AttributeValue value) {
                return codec.load(value);
            }

            @Override
            public ScalarAttributeType keyType() {
                return codec.keyType();
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static FieldCodec custom(Class<? extends FieldConverter> type) {
        FieldConverter<Object> converter;
        try {
            converter = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ModelDefinitionException("Converter " + type.getName() + " needs a public no-argument constructor", e);
        }
        return new FieldCodec() {
            @Override
            public AttributeValue dump(Object value) {
                return converter.toAttributeValue(value);
            }

            @Override
            public Object load(AttributeValue value) {
                return converter.fromAttributeValue(value);
            }

            @Override
            public ScalarAttributeType keyType() {
                return converter.keyType();
            }
        };
    }
}
