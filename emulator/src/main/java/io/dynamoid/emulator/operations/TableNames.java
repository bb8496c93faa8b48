package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Table;

import java.util.regex.Pattern;

/**
 * Where a table name is expected, DynamoDB also takes the table's ARN. Existing tables are found by either
 * through {@link RequestContext#table}; this resolves the name a new table gets.
 */
final class TableNames {
    private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private TableNames() {
    }

    /**
     * The name CreateTable creates: the value itself, or the name inside a table ARN of the caller's account
     * and region. Any other ARN is refused (a local choice: which error DynamoDB answers here is undocumented).
     */
    static String forCreate(String nameOrArn, Database database) {
        if (!nameOrArn.startsWith("arn:")) return nameOrArn;
        int at = nameOrArn.indexOf(":table/");
        String name = at < 0 ? "" : nameOrArn.substring(at + ":table/".length());
        if (!VALID_NAME.matcher(name).matches() || !database.tableArn(name).equals(nameOrArn)) {
            throw Errors.validation("Invalid TableArn: " + nameOrArn);
        }
        return name;
    }

    /**
     * The table the request's TableName (or ARN) names. The table operations answer a missing table with
     * the name in the message ("Requested resource not found: Table: NAME not found"), unlike item operations.
     */
    static Table existing(ObjectNode request, RequestContext context) {
        Table table = context.database().table(request.get("TableName").textValue());
        if (table == null) throw notFound(request);
        return table;
    }

    static DynamoException notFound(ObjectNode request) {
        return Errors.resourceNotFound("Requested resource not found: Table: " + request.get("TableName").textValue() + " not found");
    }
}
