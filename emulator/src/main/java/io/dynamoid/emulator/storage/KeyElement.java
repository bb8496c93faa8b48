package io.dynamoid.emulator.storage;

/** One element of a key schema: attribute name, HASH or RANGE, and its scalar type (S, N or B). */
public record KeyElement(String name, String keyType, String attributeType) {
}
