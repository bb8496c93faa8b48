package io.dynamoid.orm.internal.transactions;

import io.dynamoid.orm.TransactionCanceledException.Reason;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;

/** DynamoDB's cancellation reasons (one per action, in order) tied to the actions that caused them. */
final class Cancellations {
    private Cancellations() {
    }

    /** The reasons of the actions that canceled the transaction, skipping those reported as {@code None}. */
    static List<Reason> of(TransactionCanceledException e, List<String> actions) {
        List<Reason> reasons = new ArrayList<>();
        List<CancellationReason> given = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < given.size() && i < actions.size(); i++) {
            CancellationReason reason = given.get(i);
            if (reason.code() != null && !"None".equals(reason.code())) {
                reasons.add(new Reason(i, actions.get(i), reason.code(), reason.message()));
            }
        }
        return reasons;
    }

    /** {@code CODE (message)}. */
    static String codeAndMessage(Reason reason) {
        return reason.code() + (reason.message() == null ? "" : " (" + reason.message() + ")");
    }
}
