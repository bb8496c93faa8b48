package io.dynamoid.emulator.server;

import io.dynamoid.emulator.protocol.Errors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies AWS Signature Version 4 (header or presigned query-string form) against configured access key
 * / secret pairs, with DynamoDB's errors. Off unless the emulator is started with signatures required.
 * Runs after {@link Credentials#check} has found the signature's parts present.
 */
public final class SignatureVerifier {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;

    public SignatureVerifier(Map<String, String> secretsByAccessKey, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
    }

    /** One request as it arrived: headers by lower-case name (several values joined by commas). */
    public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    public void verify(SignedRequest request) {
        Map<String, String> query = parseQuery(request.rawQuery());
        boolean presigned = query.containsKey("X-Amz-Signature");
        String credential;
        String signedHeaders;
        String signature;
        String amzDate;
        if (presigned) {
            credential = query.get("X-Amz-Credential");
            signedHeaders = query.get("X-Amz-SignedHeaders");
            signature = query.get("X-Amz-Signature");
            amzDate = query.get("X-Amz-Date");
        } else {
            Map<String, String> params = authorizationParams(request.headers().get("authorization"));
            credential = params.getOrDefault("Credential", "");
            signedHeaders = params.getOrDefault("SignedHeaders", "");
            signature = params.getOrDefault("Signature", "");
            amzDate = request.headers().get("x-amz-date");
            if (amzDate == null) amzDate = fromHttpDate(request.headers().get("date"));
        }
        Instant date = parseBasicDate(amzDate);
        checkNotExpired(date);

        String[] scope = credential.split("/");
        String secret = secretsByAccessKey.get(scope[0]);
        if (secret == null) {
            // dynalite index.js, as real DynamoDB answers an unknown access key
            throw Errors.unrecognizedClient("The security token included in the request is invalid.");
        }
        if (scope.length != 5) {
            throw Errors.incompleteSignature("Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String canonicalRequest = canonicalRequest(request, query, presigned, signedHeaders);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, scope[4]);
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            // dynalite index.js: real DynamoDB's text, followed by what it computed
            throw Errors.invalidSignature("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
                    + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest
                    + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
    }

    private void checkNotExpired(Instant date) {
        Instant now = clock.instant();
        if (date.isBefore(now.minus(SKEW))) {
            throw Errors.invalidSignature("Signature expired: " + BASIC.format(date) + " is now earlier than "
                    + BASIC.format(now.minus(SKEW)) + " (" + BASIC.format(now) + " - 15 min.)");
        }
        if (date.isAfter(now.plus(SKEW))) {
            throw Errors.invalidSignature("Signature not yet current: " + BASIC.format(date) + " is still later than "
                    + BASIC.format(now.plus(SKEW)) + " (" + BASIC.format(now) + " + 15 min.)");
        }
    }

    private static Instant parseBasicDate(String text) {
        try {
            return Instant.from(BASIC.parse(text == null ? "" : text));
        } catch (DateTimeParseException e) {
            // dynalite index.js
            throw Errors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + text
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static String fromHttpDate(String date) {
        if (date == null) return null;
        try {
            return BASIC.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    private static String canonicalRequest(SignedRequest request, Map<String, String> query, boolean presigned, String signedHeaders) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalPath(request.rawPath())).append('\n');
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (presigned && parameter.getKey().equals("X-Amz-Signature")) continue;
            pairs.add(encode(parameter.getKey()) + "=" + encode(parameter.getValue()));
        }
        canonical.append(String.join("&", pairs)).append('\n');
        for (String name : signedHeaders.split(";")) {
            String value = request.headers().getOrDefault(name.toLowerCase(Locale.ROOT), "");
            canonical.append(name.toLowerCase(Locale.ROOT)).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        String payloadHash = request.headers().get("x-amz-content-sha256");
        canonical.append(payloadHash != null ? payloadHash : hex(sha256(request.body())));
        return canonical.toString();
    }

    /** Each path segment URI-encoded (the SDKs encode again what they received encoded). */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) return "/";
        StringBuilder path = new StringBuilder();
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) path.append('/');
            path.append(encode(segments[i]));
        }
        return path.toString();
    }

    /** Query parameters decoded, sorted by name (the canonical order; duplicates are not used by DynamoDB). */
    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return query;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(decode(name), decode(value));
        }
        return query;
    }

    private static Map<String, String> authorizationParams(String authorization) {
        Map<String, String> params = new TreeMap<>();
        if (authorization == null) return params;
        for (String part : authorization.trim().split("[, ]")) {
            int eq = part.indexOf('=');
            if (eq > 0) params.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
