package io.dynamoid.orm;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A custom field representation, chosen with {@code @Field(converter = ...)} (Dynamoid's custom types with
 * {@code dynamoid_dump}/{@code dynamoid_load}). Never called with null: a null field is simply not stored.
 */
public interface FieldConverter<T> {
    AttributeValue toAttributeValue(T value);

    T fromAttributeValue(AttributeValue value);

    /** The key type when the field is a table or index key; S, N or B. */
    default ScalarAttributeType keyType() {
        return ScalarAttributeType.S;
    }
}
