package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.storage.TableDefinition;
import io.dynamoid.emulator.validation.RequestSpec;

/** DeleteTable: the table is gone at once (a local choice); the response describes it as DELETING. */
public final class DeleteTable implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of().with("TableName", TableShapes.tableName());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        Table table = TableNames.existing(request, context);
        TableDefinition definition = table.definition();
        if (definition.deletionProtection()) {
            // The message DynamoDB answers (AWS SDK users match on it, e.g. aws-nuke).
            throw Errors.validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
        if (!context.database().remove(table)) throw TableNames.notFound(request);
        return TableDescriptions.response("TableDescription", definition.withStatus(TableDescriptions.DELETING), table);
    }

    @Override
    public boolean changesTableDefinitions() {
        return true;
    }
}
