package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.RequestSpec;

/** DescribeTable: the table's full description under {@code Table}. */
public final class DescribeTable implements Operation {
    private static final RequestSpec SPEC = RequestSpec.of().with("TableName", TableShapes.tableName());

    @Override
    public RequestSpec spec() {
        return SPEC;
    }

    @Override
    public Response execute(ObjectNode request, RequestContext context) {
        Table table = TableNames.existing(request, context);
        return TableDescriptions.response("Table", table.definition(), table);
    }
}
