package io.dynamoid.emulator.server;

import io.dynamoid.emulator.protocol.Errors;

import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's access key and region, read from a SigV4 Authorization header (or presigned query
 * parameters), with DynamoDB's answers for a missing or incomplete one. Signatures are not verified.
 */
record Credentials(String accessKeyId, String region) {

    static Credentials check(String authorization, Map<String, Deque<String>> query, boolean hasDate) {
        boolean queryAuth = query.containsKey("X-Amz-Algorithm");
        if (authorization != null && queryAuth) {
            throw Errors.invalidSignature("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        if ((authorization == null && !queryAuth)
                || (authorization != null && !authorization.trim().startsWith("AWS4-"))) {
            throw Errors.missingAuthenticationToken();
        }
        StringBuilder message = new StringBuilder();
        String credential;
        if (authorization != null) {
            Map<String, String> params = new HashMap<>();
            String header = authorization.trim();
            // the parts between commas and spaces, after the first (the algorithm); a regex split cost more
            // than the rest of this check
            for (int start = nextSeparator(header, 0) + 1, end; start <= header.length(); start = end + 1) {
                end = nextSeparator(header, start);
                String part = header.substring(start, end).trim();
                if (part.isEmpty()) continue;
                int eq = part.indexOf('=');
                if (eq < 0) params.put(part, "");
                else params.put(part.substring(0, eq), part.substring(eq + 1));
            }
            for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
                String value = params.get(required);
                if (value == null || value.isEmpty()) {
                    message.append("Authorization header requires '").append(required).append("' parameter. ");
                }
            }
            if (!hasDate) {
                message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
            }
            if (message.length() > 0) {
                throw Errors.incompleteSignature(message.append("Authorization=").append(authorization).toString());
            }
            credential = params.get("Credential");
        } else {
            for (String required : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
                    "X-Amz-SignedHeaders", "X-Amz-Date")) {
                Deque<String> values = query.get(required);
                if (values == null || values.isEmpty() || values.peekFirst().isEmpty()) {
                    message.append("AWS query-string parameters must include '").append(required).append("'. ");
                }
            }
            if (message.length() > 0) {
                throw Errors.incompleteSignature(message.append("Re-examine the query-string parameters.").toString());
            }
            credential = query.get("X-Amz-Credential").peekFirst();
        }
        // keyid/date/region/service/aws4_request
        String[] scope = credential.split("/");
        return new Credentials(scope[0], scope.length > 2 ? scope[2] : null);
    }

    /** The index of the first ',' or ' ' at or after {@code from}, else the length. */
    private static int nextSeparator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ' ') return i;
        }
        return text.length();
    }
}
