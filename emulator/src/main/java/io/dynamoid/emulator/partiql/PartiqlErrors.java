package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;

/** PartiQL's errors, worded as DynamoDB words them. */
public final class PartiqlErrors {
    private PartiqlErrors() {
    }

    /** A statement the parser cannot read. */
    static DynamoException syntax(String detail) {
        return Errors.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    static DynamoException parameterCount() {
        return Errors.validation("Number of parameters in request and statement don't match.");
    }

    static DynamoException missingKeyEquality() {
        return Errors.validation("Where clause does not contain a mandatory equality on all key attributes");
    }

    /** EXISTS outside ExecuteTransaction: the function "can only be used in transactional operations". */
    static DynamoException existsOutsideTransaction() {
        return Errors.validation("EXISTS can only be used in a transaction");
    }

    /** ORDER BY other than a key of the table or index read, or without an equality on its partition key. */
    static DynamoException unsupportedOrderBy() {
        return Errors.validation("ORDER BY is only supported on a key attribute, with an equality on the partition key in the WHERE clause");
    }

    /** INSERT of a key that exists (PartiQL insert statements for DynamoDB). */
    public static DynamoException duplicateItem() {
        return new DynamoException(Errors.DYNAMODB + "DuplicateItemException", "Duplicate primary key exists in table", 400);
    }
}
