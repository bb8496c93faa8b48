package io.dynamoid.emulator.operations;

import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Database;
import io.dynamoid.emulator.storage.Table;

/**
 * What an operation needs besides its request: the caller's database, the emulator's settings, and the
 * host (and port) the request was addressed to, for answers that name the emulator itself
 * (DescribeEndpoints); null when unknown.
 */
public record RequestContext(Database database, EmulatorSettings settings, String host) {

    public RequestContext(Database database, EmulatorSettings settings) {
        this(database, settings, null);
    }

    /** The table named (or whose ARN is given) in the request, or DynamoDB's ResourceNotFoundException. */
    public Table table(String nameOrArn) {
        Table table = database.table(nameOrArn);
        if (table == null) throw Errors.tableNotFound();
        return table;
    }
}
