package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.inheritance.TypeField;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Single-table inheritance in writes that do not read the item first (update_fields, upsert, inc): a subclass
 * writes only an item of its class or a descendant, and a write that may create the item stores the model's
 * type name in it.
 */
final class ClassCondition {
    private ClassCondition() {
    }

    /**
     * Adds to {@code e} the condition that the item's type is one this model admits (or, when {@code mayCreate},
     * that there is no item yet) and, when {@code mayCreate}, the SET of the type name on a new item. An abstract
     * class has no type name to store, so through it only existing items of its descendants are written.
     */
    static void apply(Expressions e, ModelMapping mapping, boolean mayCreate) {
        TypeField type = mapping.typeField();
        boolean creates = mayCreate && type.typeName() != null;
        if (type.restricts()) {
            e.in(type.attribute(), type.admitted().stream().map(AttributeValue::fromS).toList(), creates ? mapping.hashKey().name() : null);
        }
        if (creates) {
            e.setIfAbsent(type.attribute(), AttributeValue.fromS(type.typeName()));
        }
    }
}
