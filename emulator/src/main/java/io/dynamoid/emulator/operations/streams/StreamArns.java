package io.dynamoid.emulator.operations.streams;

import io.dynamoid.emulator.protocol.Errors;

import java.util.regex.Pattern;

/** Stream ARNs as requests give them: DynamoDB Streams refuses what is not shaped like one. */
final class StreamArns {
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/[^/]+");

    private StreamArns() {
    }

    /** The ARN unchanged, or ValidationException naming the member when it is not a stream ARN. */
    static String check(String arn, String member) {
        if (!STREAM_ARN.matcher(arn).matches()) throw Errors.validation("Invalid " + member + ": " + arn);
        return arn;
    }
}
