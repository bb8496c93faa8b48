package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.validation.RequestSpec;

/**
 * One DynamoDB operation. Its class lives in this package and is named exactly as the
 * {@code X-Amz-Target} suffix (e.g. {@code PutItem}); {@link Operations} finds it by that name.
 *
 * <p>The handler checks {@link #spec()} first (serialization, then declared constraints); {@link #execute}
 * then runs the operation's own cross-field validation before touching any data, in DynamoDB's order.
 */
public interface Operation {

    /** The request's declared members and constraints. */
    RequestSpec spec();

    /**
     * Validates what the spec cannot express, executes, and returns the response body.
     *
     * @param request the type-checked request (unknown members and nulls removed)
     * @throws io.dynamoid.emulator.protocol.DynamoException for every error DynamoDB would answer
     */
    Response execute(ObjectNode request, RequestContext context);

    /** Whether the operation creates, changes or deletes table definitions (which streams follow). */
    default boolean changesTableDefinitions() {
        return false;
    }
}
