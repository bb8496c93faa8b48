package io.dynamoid.orm.internal.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dynamoid.orm.ModelDefinitionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.lang.reflect.Type;

/** Any value as a JSON string (Dynamoid's {@code :serialized}, which uses YAML), through Jackson databind. */
final class SerializedCodec implements FieldCodec {
    /** Registers whatever Jackson modules the application has (e.g. java.time), none required. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private final JavaType type;

    SerializedCodec(Type type) {
        this.type = MAPPER.getTypeFactory().constructType(type);
    }

    @Override
    public AttributeValue dump(Object value) {
        try {
            return AttributeValue.fromS(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new ModelDefinitionException("Cannot serialize a " + value.getClass().getName() + " to JSON", e);
        }
    }

    @Override
    public Object load(AttributeValue value) {
        try {
            return MAPPER.readValue(value.s(), type);
        } catch (JsonProcessingException e) {
            throw new ModelDefinitionException("Cannot read a stored JSON value as " + type, e);
        }
    }

    @Override
    public ScalarAttributeType keyType() {
        return ScalarAttributeType.S;
    }
}
