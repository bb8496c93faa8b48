package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.validation.Shape;

import static io.dynamoid.emulator.validation.Shape.bool;
import static io.dynamoid.emulator.validation.Shape.fieldStruct;
import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.longValue;
import static io.dynamoid.emulator.validation.Shape.string;
import static io.dynamoid.emulator.validation.Shape.valueStruct;

/** Request shapes shared by the table operations (after dynalite's validations/createTable.js and updateTable.js). */
final class TableShapes {
    static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

    private TableShapes() {
    }

    static Shape tableName() {
        return string().required().tableName().regex(NAME_PATTERN);
    }

    static Shape indexName() {
        return string().notNull().regex(NAME_PATTERN).minLength(3).maxLength(255);
    }

    /** A key attribute's name: 1 to 255 characters (API Reference, AttributeDefinition and KeySchemaElement). */
    private static Shape attributeName() {
        return string().notNull().minLength(1).maxLength(255);
    }

    static Shape attributeDefinitions() {
        return list(valueStruct("AttributeDefinition").notNull()
                .with("AttributeName", attributeName())
                .with("AttributeType", string().notNull().oneOf("B", "N", "S")));
    }

    /** A table's key schema declares its key types as an enum; an index's does not (checked later, by hand). */
    static Shape keySchema(boolean keyTypeEnum) {
        Shape keyType = string().notNull();
        if (keyTypeEnum) keyType.oneOf("HASH", "RANGE");
        return list(valueStruct("KeySchemaElement").notNull()
                .with("AttributeName", attributeName())
                .with("KeyType", keyType))
                .notNull().minLength(1).maxLength(2);
    }

    static Shape throughput() {
        return fieldStruct("ProvisionedThroughput")
                .with("WriteCapacityUnits", longValue().notNull().min(1))
                .with("ReadCapacityUnits", longValue().notNull().min(1));
    }

    static Shape projection() {
        return fieldStruct("Projection").notNull()
                .with("ProjectionType", string().oneOf("ALL", "INCLUDE", "KEYS_ONLY"))
                // The API model bounds one index's list to 1..20 names (and all indexes together to 100).
                .with("NonKeyAttributes", list(string().notNull()).minLength(1).maxLength(20));
    }

    static Shape billingMode() {
        return string().oneOf("PROVISIONED", "PAY_PER_REQUEST");
    }

    static Shape streamSpecification() {
        return fieldStruct("StreamSpecification")
                .with("StreamEnabled", bool().notNull())
                .with("StreamViewType", string().oneOf("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
    }

    static Shape tableClass() {
        return string().oneOf("STANDARD", "STANDARD_INFREQUENT_ACCESS");
    }

    static Shape sseSpecification() {
        return fieldStruct("SSESpecification")
                .with("Enabled", bool())
                .with("SSEType", string().oneOf("AES256", "KMS"))
                .with("KMSMasterKeyId", string());
    }

    static Shape onDemandThroughput() {
        return fieldStruct("OnDemandThroughput")
                .with("MaxReadRequestUnits", longValue())
                .with("MaxWriteRequestUnits", longValue());
    }
}
