package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.IndexDefinition;
import io.dynamoid.emulator.storage.KeyElement;
import io.dynamoid.emulator.storage.TableDefinition;

import java.util.Set;

/**
 * DynamoDB's rule that key attributes are scalars: an expression may not reach into a table key or any
 * index key attribute with a nested path ({@code a.b}, {@code a[0]}). Ported from dynalite's
 * {@code validateKeyPaths}: table keys first, then every global and every local index's keys.
 */
public final class KeyPaths {
    private KeyPaths() {
    }

    /** @param nestedPathHeads top-level attributes the expression reads or writes through a nested path */
    public static void check(TableDefinition definition, Set<String> nestedPathHeads) {
        if (nestedPathHeads == null || nestedPathHeads.isEmpty()) return;
        for (KeyElement key : definition.keySchema().elements()) {
            if (nestedPathHeads.contains(key.name())) throw error("Key: " + key.name());
        }
        for (IndexDefinition index : definition.globalIndexes()) checkIndex(index, nestedPathHeads);
        for (IndexDefinition index : definition.localIndexes()) checkIndex(index, nestedPathHeads);
    }

    private static void checkIndex(IndexDefinition index, Set<String> nestedPathHeads) {
        for (KeyElement key : index.keySchema().elements()) {
            if (nestedPathHeads.contains(key.name())) throw error("IndexKey: " + key.name());
        }
    }

    private static RuntimeException error(String which) {
        return Errors.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: " + which);
    }
}
