package io.dynamoid.orm;

/**
 * An attribute's change, as Java values of its field: what was stored (null for a new record or an absent
 * attribute) and what it is now.
 */
public record Change(Object before, Object after) {
}
