package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Table;

/** What an operation needs besides its request: the caller's database and the emulator's settings. */
public record RequestContext(Database database, EmulatorSettings settings) {

    /** The table named (or whose ARN is given) in the request, or DynamoDB's ResourceNotFoundException. */
    public Table table(String nameOrArn) {
        Table table = database.table(nameOrArn);
        if (table == null) throw Errors.tableNotFound();
        return table;
    }
}
