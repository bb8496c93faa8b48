package io.dynamoid.emulator.partiql;

/**
 * One lexical token of a statement.
 *
 * @param kind  what it is
 * @param text  identifiers and keywords as written (quoted ones unquoted), strings unescaped, numbers as
 *              written, punctuation itself
 */
record Token(Kind kind, String text, int position) {
    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, STRING, NUMBER, PUNCTUATION, PARAMETER, END }

    boolean is(String punctuation) {
        return kind == Kind.PUNCTUATION && text.equals(punctuation);
    }

    /** A bare word equal, ignoring case, to {@code keyword}. */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String shown() {
        return kind == Kind.END ? "EOF" : text;
    }
}
