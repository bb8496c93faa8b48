package io.dynamoid.orm.internal.types;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB representation of one field: Dynamoid's dump (Java → attribute) and undump (attribute → Java).
 * Nulls never reach a codec; the mapping decides what a null field means.
 */
public interface FieldCodec {
    /** The attribute for a non-null value, or null when the value is stored as "nothing" (e.g. an empty set). */
    AttributeValue dump(Object value);

    /** The Java value of a non-null, non-NULL attribute. */
    Object load(AttributeValue value);

    /** S, N or B when the representation can be a key; null otherwise (lists, maps, sets, booleans...). */
    ScalarAttributeType keyType();
}
