package io.dynamoid.emulator.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into tokens: words, "quoted identifiers", 'strings', numbers, ? and punctuation. */
final class Lexer {
    private static final String[] TWO_CHAR = {"<>", "!=", "<=", ">=", "<<", ">>"};

    private Lexer() {
    }

    static List<Token> tokens(String statement) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = statement.length();
        while (i < n) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) throw PartiqlErrors.syntax("Unexpected end of statement in quoted text");
                    char d = statement.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && statement.charAt(i + 1) == c) {
                            text.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(d);
                    i++;
                }
                tokens.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_IDENTIFIER, text.toString(), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(statement.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isDigit(statement.charAt(i)) || statement.charAt(i) == '.')) i++;
                if (i < n && (statement.charAt(i) == 'e' || statement.charAt(i) == 'E')) {
                    i++;
                    if (i < n && (statement.charAt(i) == '+' || statement.charAt(i) == '-')) i++;
                    while (i < n && Character.isDigit(statement.charAt(i))) i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, statement.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(statement.charAt(i)) || statement.charAt(i) == '_'
                        || statement.charAt(i) == '$')) i++;
                tokens.add(new Token(Token.Kind.IDENTIFIER, statement.substring(start, i), start));
            } else if (c == '?') {
                tokens.add(new Token(Token.Kind.PARAMETER, "?", i));
                i++;
            } else {
                String two = i + 1 < n ? statement.substring(i, i + 2) : "";
                String punctuation = null;
                for (String candidate : TWO_CHAR) if (candidate.equals(two)) punctuation = candidate;
                if (punctuation == null) {
                    if ("*,.()[]{}:=<>+-;".indexOf(c) < 0) throw PartiqlErrors.syntax("Unexpected character '" + c + "'");
                    punctuation = String.valueOf(c);
                }
                tokens.add(new Token(Token.Kind.PUNCTUATION, punctuation, i));
                i += punctuation.length();
            }
        }
        tokens.add(new Token(Token.Kind.END, "", n));
        return tokens;
    }
}
