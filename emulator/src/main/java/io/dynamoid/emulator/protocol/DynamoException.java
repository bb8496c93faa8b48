package io.dynamoid.emulator.protocol;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Map;

/**
 * An error answered to the client as DynamoDB answers it: HTTP status plus
 * {@code {"__type": ..., "message": ...}}. Build instances through {@link Errors}.
 */
public class DynamoException extends RuntimeException {
    private Map<String, AttrValue> item;
    private final String type;
    private final int status;
    private final boolean capitalMessageKey;

    public DynamoException(String type, String message, int status) {
        this(type, message, status, false);
    }

    /**
     * @param capitalMessageKey DynamoDB writes {@code "Message"} (capital M) for serialization errors and
     *                          {@code "message"} for the rest; clients read both, but we copy it exactly.
     */
    public DynamoException(String type, String message, int status, boolean capitalMessageKey) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.capitalMessageKey = capitalMessageKey;
    }

    /** The full {@code __type}, e.g. {@code com.amazon.coral.validate#ValidationException}. */
    public String type() {
        return type;
    }

    /** The part after '#', e.g. {@code ValidationException}. */
    public String shortType() {
        return type.substring(type.indexOf('#') + 1);
    }

    public int status() {
        return status;
    }

    /**
     * Members some errors carry besides {@code __type} and the message (e.g. TransactionCanceledException's
     * CancellationReasons), written between the two; none by default.
     */
    public void writeDetails(JsonGenerator g) throws IOException {
    }

    /** Attaches the item DynamoDB returns with the error (ReturnValuesOnConditionCheckFailure=ALL_OLD). */
    public DynamoException withItem(Map<String, AttrValue> failedItem) {
        this.item = failedItem;
        return this;
    }

    /** The item answered with the error as {@code "Item"}, or null. */
    public Map<String, AttrValue> item() {
        return item;
    }

    public String messageKey() {
        return capitalMessageKey ? "Message" : "message";
    }
}
