package io.dynamoid.emulator.protocol;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's TransactionCanceledException: one cancellation reason per action, in request order, and a
 * message listing their codes. The body is written as DynamoDB writes it (boto/boto3 issue #2657):
 * {@code {"__type": ..., "CancellationReasons": [{"Code": "None"}, {"Code": "ConditionalCheckFailed",
 * "Item": {...}, "Message": "The conditional request failed"}], "Message": "Transaction cancelled, ..."}}.
 */
public final class TransactionCanceledException extends DynamoException {

    /**
     * Why one action was refused: {@code code} None (nothing wrong with it), ConditionalCheckFailed or
     * ValidationError; {@code message} and {@code item} (ReturnValuesOnConditionCheckFailure=ALL_OLD) may be null.
     */
    public record Reason(String code, String message, Map<String, AttrValue> item) {
        public static final Reason NONE = new Reason("None", null, null);

        public static Reason conditionalCheckFailed(Map<String, AttrValue> item) {
            return new Reason("ConditionalCheckFailed", "The conditional request failed", item);
        }

        public static Reason validationError(String message) {
            return new Reason("ValidationError", message, null);
        }
    }

    private final List<Reason> reasons;

    TransactionCanceledException(List<Reason> reasons) {
        super(Errors.DYNAMODB + "TransactionCanceledException", message(reasons), 400, true);
        this.reasons = List.copyOf(reasons);
    }

    private static String message(List<Reason> reasons) {
        List<String> codes = new ArrayList<>(reasons.size());
        for (Reason reason : reasons) codes.add(reason.code());
        return "Transaction cancelled, please refer cancellation reasons for specific reasons [" + String.join(", ", codes) + "]";
    }

    public List<Reason> reasons() {
        return reasons;
    }

    @Override
    public void writeDetails(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("CancellationReasons");
        for (Reason reason : reasons) {
            g.writeStartObject();
            g.writeStringField("Code", reason.code());
            if (reason.item() != null) {
                g.writeFieldName("Item");
                AttrValueJson.writeItem(g, reason.item());
            }
            if (reason.message() != null) g.writeStringField("Message", reason.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
