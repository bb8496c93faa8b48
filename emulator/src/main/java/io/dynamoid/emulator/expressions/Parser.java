package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.expressions.Ast.Action;
import io.dynamoid.emulator.expressions.Ast.ActionType;
import io.dynamoid.emulator.expressions.Ast.And;
import io.dynamoid.emulator.expressions.Ast.Arithmetic;
import io.dynamoid.emulator.expressions.Ast.Between;
import io.dynamoid.emulator.expressions.Ast.Call;
import io.dynamoid.emulator.expressions.Ast.Comparison;
import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.expressions.Ast.FunctionCondition;
import io.dynamoid.emulator.expressions.Ast.In;
import io.dynamoid.emulator.expressions.Ast.Index;
import io.dynamoid.emulator.expressions.Ast.Name;
import io.dynamoid.emulator.expressions.Ast.NameRef;
import io.dynamoid.emulator.expressions.Ast.Not;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Or;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.expressions.Ast.PathElement;
import io.dynamoid.emulator.expressions.Ast.ValueRef;
import io.dynamoid.emulator.expressions.Lexer.Kind;
import io.dynamoid.emulator.expressions.Lexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Recursive-descent parsers for DynamoDB's three expression grammars (condition, update, projection), after
 * the grammars of dynalite's {@code db/*Parser.pegjs}. They check syntax only and keep placeholders
 * unresolved, so a result depends on the text alone and is cached by it: a repeated expression is parsed
 * once. A syntax error is reported as DynamoDB does, at the furthest token the parser could not accept:
 * {@code Syntax error; token: "X", near: "<previous token> X <next token>"}.
 */
final class Parser {
    /** A parsed condition; {@code redundantParentheses} is DynamoDB's "((x))" complaint, decided at bind time. */
    record ParsedCondition(Condition condition, boolean redundantParentheses) {
    }

    /** A parsed update; {@code repeatedSection} is the first clause keyword used twice, or null. */
    record ParsedUpdate(List<Action> actions, String repeatedSection) {
    }

    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, Object> CONDITIONS = new ConcurrentHashMap<>();
    private static final Map<String, Object> UPDATES = new ConcurrentHashMap<>();
    private static final Map<String, Object> PROJECTIONS = new ConcurrentHashMap<>();

    private static final List<String> CONDITION_KEYWORDS = List.of("BETWEEN", "IN", "AND", "OR", "NOT");
    private static final List<String> UPDATE_KEYWORDS = List.of("SET", "REMOVE", "ADD", "DELETE");
    private static final List<String> COMPARATORS = List.of(">=", "<=", "<>", "=", "<", ">");

    private enum Grammar { CONDITION, UPDATE, PROJECTION }

    /** Thrown to backtrack; the furthest failure position is kept in the parser. */
    private static final class Backtrack extends RuntimeException {
        static final Backtrack INSTANCE = new Backtrack();

        private Backtrack() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final List<Token> tokens;
    private final Grammar grammar;
    private int pos;
    private int furthest;
    private boolean redundant;

    private Parser(String text, Grammar grammar) {
        this.text = text;
        this.tokens = Lexer.tokenize(text);
        this.grammar = grammar;
    }

    // ---------------------------------------------------------------- entry points (cached)

    static ParsedCondition condition(String text) {
        return cached(CONDITIONS, text, t -> new Parser(t, Grammar.CONDITION).parseConditionExpression());
    }

    static ParsedUpdate update(String text) {
        return cached(UPDATES, text, t -> new Parser(t, Grammar.UPDATE).parseUpdateExpression());
    }

    static List<Path> projection(String text) {
        return cached(PROJECTIONS, text, t -> new Parser(t, Grammar.PROJECTION).parseProjectionExpression());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cached(Map<String, Object> cache, String text, Function<String, T> parse) {
        Object result = cache.get(text);
        if (result == null) {
            try {
                result = parse.apply(text);
            } catch (ExpressionException e) {
                result = e;
            }
            if (cache.size() >= CACHE_LIMIT) cache.clear();
            cache.put(text, result);
        }
        if (result instanceof ExpressionException e) throw new ExpressionException(e.getMessage());
        return (T) result;
    }

    // ---------------------------------------------------------------- token helpers

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Backtrack fail() {
        furthest = Math.max(furthest, pos);
        return Backtrack.INSTANCE;
    }

    private void expect(String symbol) {
        if (!peek().is(symbol)) throw fail();
        pos++;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean isKeyword(Token token) {
        if (token.kind() != Kind.IDENTIFIER) return false;
        List<String> keywords = grammar == Grammar.CONDITION ? CONDITION_KEYWORDS
                : grammar == Grammar.UPDATE ? UPDATE_KEYWORDS : List.of();
        for (String keyword : keywords) if (token.isKeyword(keyword)) return true;
        return false;
    }

    /** Runs {@code body} at the current position; on failure restores position and state and returns null. */
    private <T> T attempt(java.util.function.Supplier<T> body) {
        int savedPos = pos;
        boolean savedRedundant = redundant;
        try {
            return body.get();
        } catch (Backtrack b) {
            pos = savedPos;
            redundant = savedRedundant;
            return null;
        }
    }

    private <T> T complete(java.util.function.Supplier<T> start) {
        try {
            T result = start.get();
            if (peek().kind() != Kind.EOF) throw fail();
            return result;
        } catch (Backtrack b) {
            throw syntaxError(furthest);
        }
    }

    private ExpressionException syntaxError(int at) {
        Token token = tokens.get(at);
        int from = at > 0 ? tokens.get(at - 1).start() : token.start();
        int to = at + 1 < tokens.size() ? tokens.get(at + 1).end() : token.end();
        to = Math.max(to, token.end());
        return new ExpressionException("Syntax error; token: \"" + token.text() + "\", near: \""
                + text.substring(from, to) + "\"");
    }

    // ---------------------------------------------------------------- conditions

    private ParsedCondition parseConditionExpression() {
        Condition condition = complete(this::parseOr);
        return new ParsedCondition(condition, redundant);
    }

    private Condition parseOr() {
        List<Condition> terms = new ArrayList<>();
        terms.add(parseAnd());
        while (acceptKeyword("OR")) terms.add(parseAnd());
        Condition result = terms.get(terms.size() - 1);
        for (int i = terms.size() - 2; i >= 0; i--) result = new Or(terms.get(i), result);
        return result;
    }

    private Condition parseAnd() {
        List<Condition> terms = new ArrayList<>();
        terms.add(parseNot());
        while (acceptKeyword("AND")) terms.add(parseNot());
        Condition result = terms.get(terms.size() - 1);
        for (int i = terms.size() - 2; i >= 0; i--) result = new And(terms.get(i), result);
        return result;
    }

    private Condition parseNot() {
        if (acceptKeyword("NOT")) return new Not(parseNot());
        return parseGroupedCondition();
    }

    private Condition parseGroupedCondition() {
        Condition simple = attempt(this::parseSimpleCondition);
        if (simple != null) return simple;
        expect("(");
        boolean doubled = peek().is("(");
        int innerStart = pos;
        Condition inner = parseOr();
        // "((x))": the inner group spans exactly from its "(" to the ")" before ours
        if (doubled && tokens.get(pos - 1).is(")") && closes(innerStart, pos - 1)) redundant = true;
        expect(")");
        return inner;
    }

    /** Whether the "(" at {@code open} is matched by the ")" at {@code close}. */
    private boolean closes(int open, int close) {
        int depth = 0;
        for (int i = open; i <= close; i++) {
            if (tokens.get(i).is("(")) depth++;
            else if (tokens.get(i).is(")") && --depth == 0) return i == close;
        }
        return false;
    }

    private Condition parseSimpleCondition() {
        int start = pos;
        Operand left = parseOperandParens();
        Token next = peek();
        for (String comparator : COMPARATORS) {
            if (next.is(comparator)) {
                pos++;
                return new Comparison(comparator, left, parseOperandParens());
            }
        }
        if (acceptKeyword("BETWEEN")) {
            Operand lower = parseOperandParens();
            if (!acceptKeyword("AND")) throw fail();
            return new Between(left, lower, parseOperandParens());
        }
        if (acceptKeyword("IN")) {
            expect("(");
            List<Operand> candidates = parseArguments();
            expect(")");
            return new In(left, candidates);
        }
        // a bare function call (not parenthesized) is a condition of its own
        if (left instanceof Call call && !tokens.get(start).is("(")) return new FunctionCondition(call);
        throw fail();
    }

    private List<Operand> parseArguments() {
        List<Operand> args = new ArrayList<>();
        args.add(parseOperandParens());
        while (accept(",")) args.add(parseOperandParens());
        return args;
    }

    private Operand parseOperandParens() {
        if (peek().is("(")) {
            if (grammar == Grammar.CONDITION && peek(1).is("(")) {
                Operand doubled = attempt(() -> {
                    pos += 2;
                    Operand op = parseOperand();
                    expect(")");
                    expect(")");
                    redundant = true;
                    return op;
                });
                if (doubled != null) return doubled;
            }
            Operand single = attempt(() -> {
                pos++;
                Operand op = parseOperand();
                expect(")");
                return op;
            });
            if (single != null) return single;
        }
        return parseOperand();
    }

    private Operand parseOperand() {
        Token token = peek();
        if (token.kind() == Kind.IDENTIFIER && !isKeyword(token) && peek(1).is("(")) {
            pos += 2;
            List<Operand> args = parseArguments();
            expect(")");
            return new Call(token.text(), args);
        }
        if (token.kind() == Kind.VALUE_REF && !isKeyword(token)) {
            pos++;
            return new ValueRef(token.text());
        }
        return parsePath();
    }

    // ---------------------------------------------------------------- paths

    private Path parsePath() {
        List<PathElement> elements = new ArrayList<>(parsePathHead());
        while (true) {
            if (peek().is("[")) {
                Integer index = attempt(() -> {
                    pos++;
                    Token number = peek();
                    if (number.kind() != Kind.NUMBER || number.text().length() > 9) throw fail();
                    pos++;
                    expect("]");
                    return Integer.parseInt(number.text());
                });
                if (index == null) throw fail();
                elements.add(new Index(index));
            } else if (peek().is(".")) {
                pos++;
                elements.add(parsePathIdentifier());
            } else {
                return new Path(elements);
            }
        }
    }

    private List<PathElement> parsePathHead() {
        if (grammar == Grammar.CONDITION && peek().is("(")) {
            if (peek(1).is("(")) {
                Path doubled = attempt(() -> {
                    pos += 2;
                    Path path = parsePath();
                    expect(")");
                    expect(")");
                    redundant = true;
                    return path;
                });
                if (doubled != null) return doubled.elements();
            }
            pos++;
            Path path = parsePath();
            expect(")");
            return path.elements();
        }
        return List.of(parsePathIdentifier());
    }

    private PathElement parsePathIdentifier() {
        Token token = peek();
        if (token.kind() == Kind.NAME_REF) {
            pos++;
            return new NameRef(token.text());
        }
        if (token.kind() != Kind.IDENTIFIER || isKeyword(token)) throw fail();
        pos++;
        return new Name(token.text());
    }

    // ---------------------------------------------------------------- updates

    private ParsedUpdate parseUpdateExpression() {
        List<Action> actions = new ArrayList<>();
        String[] repeated = {null};
        List<String> seen = new ArrayList<>();
        complete(() -> {
            do {
                Token keyword = peek();
                ActionType type = null;
                for (ActionType t : ActionType.values()) if (keyword.isKeyword(t.name())) type = t;
                if (type == null) throw fail();
                pos++;
                actions.add(parseAction(type));
                while (accept(",")) actions.add(parseAction(type));
                if (seen.contains(type.name()) && repeated[0] == null) repeated[0] = type.name();
                seen.add(type.name());
            } while (peek().kind() != Kind.EOF);
            return actions;
        });
        return new ParsedUpdate(List.copyOf(actions), repeated[0]);
    }

    private Action parseAction(ActionType type) {
        Path path = parsePath();
        switch (type) {
            case SET -> {
                expect("=");
                return new Action(type, path, parseSetValueParens());
            }
            case REMOVE -> {
                return new Action(type, path, null);
            }
            default -> {
                Token value = peek();
                if (value.kind() != Kind.VALUE_REF) throw fail();
                pos++;
                return new Action(type, path, new ValueRef(value.text()));
            }
        }
    }

    private Operand parseSetValueParens() {
        if (peek().is("(")) {
            Operand grouped = attempt(() -> {
                pos++;
                Operand value = parseSetValue();
                expect(")");
                return value;
            });
            if (grouped != null) return grouped;
        }
        return parseSetValue();
    }

    private Operand parseSetValue() {
        Operand left = parseOperandParens();
        if (peek().is("+") || peek().is("-")) {
            char operator = peek().text().charAt(0);
            pos++;
            return new Arithmetic(operator, left, parseOperandParens());
        }
        return left;
    }

    // ---------------------------------------------------------------- projections

    private List<Path> parseProjectionExpression() {
        return complete(() -> {
            List<Path> paths = new ArrayList<>();
            paths.add(parsePath());
            while (accept(",")) paths.add(parsePath());
            return List.copyOf(paths);
        });
    }
}
