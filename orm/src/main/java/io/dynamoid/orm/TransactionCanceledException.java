package io.dynamoid.orm;

import java.util.List;

/**
 * DynamoDB canceled a transaction: nothing was written (or read). The message names each action that caused it
 * and why — e.g. a failed condition: the record already exists, its lock version changed, it does not
 * exist; the SDK's {@code TransactionCanceledException}, with every cancellation reason, is the cause.
 */
public class TransactionCanceledException extends DynamoidException {
    /**
     * Why one action canceled the transaction.
     *
     * @param index   the action's position in the transaction, from 0
     * @param action  the action, e.g. {@code save Document[42]}
     * @param code    DynamoDB's cancellation code, e.g. {@code ConditionalCheckFailed}, {@code TransactionConflict}
     * @param message DynamoDB's message for it, or null
     */
    public record Reason(int index, String action, String code, String message) {
    }

    private final List<Reason> reasons;

    public TransactionCanceledException(String message, List<Reason> reasons, Throwable cause) {
        super(message, cause);
        this.reasons = List.copyOf(reasons);
    }

    /** The actions that caused the cancellation (not those DynamoDB reports as {@code None}), in order. */
    public List<Reason> reasons() {
        return reasons;
    }
}
