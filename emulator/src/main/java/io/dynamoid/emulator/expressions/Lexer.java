package io.dynamoid.emulator.expressions;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; anything it does not know becomes a one-character INVALID token. */
final class Lexer {
    enum Kind { IDENTIFIER, NAME_REF, VALUE_REF, NUMBER, SYMBOL, INVALID, EOF }

    /** A token and where it sits in the text ({@code end} exclusive), for "near" in syntax errors. */
    record Token(Kind kind, String text, int start, int end) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
        }
    }

    private Lexer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            if (isIdentifierStart(c)) {
                while (i < n && isIdentifierPart(text.charAt(i))) i++;
                tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, i), start, i));
            } else if (c == '#' || c == ':') {
                i++;
                while (i < n && isIdentifierPart(text.charAt(i))) i++;
                // a lone '#' or ':' is not a placeholder (DynamoDB: token ":" in "ADD hits : incr")
                Kind kind = i == start + 1 ? Kind.INVALID : c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
                tokens.add(new Token(kind, text.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n && (text.charAt(i + 1) == '=' || (c == '<' && text.charAt(i + 1) == '>'))) {
                i += 2;
                tokens.add(new Token(Kind.SYMBOL, text.substring(start, i), start, i));
            } else if ("()[].,=<>+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start, i));
            } else {
                i += Character.charCount(text.codePointAt(i));
                tokens.add(new Token(Kind.INVALID, text.substring(start, i), start, i));
            }
        }
        tokens.add(new Token(Kind.EOF, "<EOF>", n, n));
        return tokens;
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
