package io.dynamoid.emulator.partiql;

import io.dynamoid.emulator.expressions.Ast.And;
import io.dynamoid.emulator.expressions.Ast.Arithmetic;
import io.dynamoid.emulator.expressions.Ast.Between;
import io.dynamoid.emulator.expressions.Ast.Call;
import io.dynamoid.emulator.expressions.Ast.Comparison;
import io.dynamoid.emulator.expressions.Ast.Condition;
import io.dynamoid.emulator.expressions.Ast.FunctionCondition;
import io.dynamoid.emulator.expressions.Ast.In;
import io.dynamoid.emulator.expressions.Ast.Index;
import io.dynamoid.emulator.expressions.Ast.Literal;
import io.dynamoid.emulator.expressions.Ast.Name;
import io.dynamoid.emulator.expressions.Ast.Not;
import io.dynamoid.emulator.expressions.Ast.Operand;
import io.dynamoid.emulator.expressions.Ast.Or;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.expressions.Ast.PathElement;
import io.dynamoid.emulator.protocol.AttrValue;
import io.dynamoid.emulator.protocol.Bytes;
import io.dynamoid.emulator.protocol.DynamoException;
import io.dynamoid.emulator.protocol.Errors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written recursive-descent parser for DynamoDB's PartiQL subset (Developer Guide, "PartiQL
 * select/insert/update/delete statements for DynamoDB"):
 * <pre>
 * SELECT * | path, ... FROM table[."index"] [WHERE condition] [ORDER BY key [ASC|DESC]]
 * EXISTS(SELECT ...)                           (ExecuteTransaction only)
 * INSERT INTO table VALUE {'attr': value, ...}
 * UPDATE table SET path = value [, ...] | REMOVE path [, ...] ... WHERE condition
 *        (value: literal, path, a + b, a - b, list_append(a, b), set_add(a, b), set_delete(a, b))
 * DELETE FROM table WHERE condition
 * </pre>
 * Values are 'strings', numbers, TRUE, FALSE, NULL, {maps}, [lists], &lt;&lt;sets&gt;&gt; and {@code ?}
 * parameters, replaced in order by the request's Parameters. Conditions become the expression package's
 * AST, so WHERE is evaluated by the same {@link io.dynamoid.emulator.expressions.Evaluator} as
 * ConditionExpression.
 */
public final class Parser {
    private final List<Token> tokens;
    private final List<AttrValue> parameters;
    private int position;
    private int parametersUsed;

    private Parser(String statement, List<AttrValue> parameters) {
        this.tokens = Lexer.tokens(statement);
        this.parameters = parameters;
    }

    /** Parses {@code statement}, placing {@code parameters} for its {@code ?}s; ValidationException when malformed. */
    public static Statement parse(String statement, List<AttrValue> parameters) {
        Parser parser = new Parser(statement, parameters);
        Statement parsed = parser.statement();
        if (parser.parametersUsed != parameters.size()) throw PartiqlErrors.parameterCount();
        return parsed;
    }

    private Statement statement() {
        Token first = peek();
        Statement statement;
        if (first.isKeyword("SELECT")) statement = select();
        else if (first.isKeyword("EXISTS") && peekAt(1).is("(")) statement = exists();
        else if (first.isKeyword("INSERT")) statement = insert();
        else if (first.isKeyword("UPDATE")) statement = update();
        else if (first.isKeyword("DELETE")) statement = delete();
        else throw unexpected(first);
        if (peek().is(";")) next();
        if (peek().kind() != Token.Kind.END) throw unexpected(peek());
        return statement;
    }

    private Statement exists() {
        expectKeyword("EXISTS");
        expect("(");
        Statement.Select select = select();
        expect(")");
        return new Statement.Exists(select);
    }

    private Statement.Select select() {
        expectKeyword("SELECT");
        List<Path> projection = null;
        if (peek().is("*")) {
            next();
        } else {
            projection = new ArrayList<>();
            projection.add(path());
            while (peek().is(",")) {
                next();
                projection.add(path());
            }
        }
        expectKeyword("FROM");
        String table = name();
        String index = null;
        if (peek().is(".")) {
            next();
            index = name();
        }
        Condition where = null;
        if (peek().isKeyword("WHERE")) {
            next();
            where = condition();
        }
        return new Statement.Select(table, index, projection, where, orderBy());
    }

    /** An optional {@code ORDER BY key [ASC|DESC]}: DynamoDB orders only by a key of the table or index read. */
    private Statement.OrderBy orderBy() {
        if (!peek().isKeyword("ORDER")) return null;
        next();
        expectKeyword("BY");
        String key = name();
        boolean descending = peek().isKeyword("DESC");
        if (descending || peek().isKeyword("ASC")) next();
        return new Statement.OrderBy(key, descending);
    }

    private Statement insert() {
        expectKeyword("INSERT");
        expectKeyword("INTO");
        String table = name();
        expectKeyword("VALUE");
        AttrValue item = value();
        if (!(item instanceof AttrValue.M map)) throw syntax("INSERT VALUE must be a map of attributes");
        return new Statement.Insert(table, map.values());
    }

    private Statement update() {
        expectKeyword("UPDATE");
        String table = name();
        List<Statement.Assignment> assignments = new ArrayList<>();
        while (peek().isKeyword("SET") || peek().isKeyword("REMOVE")) {
            boolean set = next().isKeyword("SET");
            do {
                if (!assignments.isEmpty() && peek().is(",")) next();
                Path path = path();
                Operand value = null;
                if (set) {
                    expect("=");
                    value = updateValue();
                }
                assignments.add(new Statement.Assignment(path, value));
            } while (peek().is(","));
        }
        if (assignments.isEmpty()) throw unexpected(peek());
        expectKeyword("WHERE");
        Condition where = condition();
        return new Statement.Update(table, assignments, where, returning(true));
    }

    private Statement delete() {
        expectKeyword("DELETE");
        expectKeyword("FROM");
        String table = name();
        expectKeyword("WHERE");
        Condition where = condition();
        return new Statement.Delete(table, where, returning(false) != null);
    }

    /** An optional {@code RETURNING ALL|MODIFIED OLD|NEW *} (DELETE allows only ALL OLD). */
    private Statement.Returning returning(boolean update) {
        if (!peek().isKeyword("RETURNING")) return null;
        next();
        Token which = next();
        if (!which.isKeyword("ALL") && !(update && which.isKeyword("MODIFIED"))) throw unexpected(which);
        Token age = next();
        if (!age.isKeyword("OLD") && !(update && age.isKeyword("NEW"))) throw unexpected(age);
        expect("*");
        return new Statement.Returning(which.isKeyword("ALL"), age.isKeyword("NEW"));
    }

    // ---------------------------------------------------------------- conditions

    private Condition condition() {
        Condition left = conjunction();
        while (peek().isKeyword("OR")) {
            next();
            left = new Or(left, conjunction());
        }
        return left;
    }

    private Condition conjunction() {
        Condition left = negation();
        while (peek().isKeyword("AND")) {
            next();
            left = new And(left, negation());
        }
        return left;
    }

    private Condition negation() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Not(negation());
        }
        return predicate();
    }

    private Condition predicate() {
        if (peek().is("(")) {
            next();
            Condition inner = condition();
            expect(")");
            return inner;
        }
        Token word = peek();
        if (word.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(")) {
            String function = word.text().toLowerCase();
            if (function.equals("begins_with") || function.equals("contains") || function.equals("attribute_type")) {
                next();
                next();
                Path path = path();
                expect(",");
                Operand argument = operand();
                expect(")");
                return new FunctionCondition(new Call(function, List.of(path, argument)));
            }
            // EXISTS is a statement of its own (a transaction's condition check), never part of a condition
            if (function.equals("exists")) throw syntax("EXISTS is not supported inside a condition");
        }
        Operand left = operand();
        Token operator = peek();
        if (operator.isKeyword("BETWEEN")) {
            next();
            Operand lower = operand();
            expectKeyword("AND");
            return new Between(left, lower, operand());
        }
        if (operator.isKeyword("IN")) {
            next();
            String close = peek().is("(") ? ")" : "]";
            if (!peek().is("(") && !peek().is("[")) throw unexpected(peek());
            next();
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().is(",")) {
                next();
                candidates.add(operand());
            }
            expect(close);
            return new In(left, candidates);
        }
        if (operator.isKeyword("IS")) {
            next();
            boolean negated = peek().isKeyword("NOT");
            if (negated) next();
            Token what = next();
            Condition test;
            if (what.isKeyword("MISSING")) {
                test = new FunctionCondition(new Call("attribute_not_exists", List.of(asPath(left))));
            } else if (what.isKeyword("NULL")) {
                test = new Comparison("=", left, new Literal(AttrValue.Null.INSTANCE));
            } else {
                throw unexpected(what);
            }
            return negated ? new Not(test) : test;
        }
        String comparison = switch (operator.kind() == Token.Kind.PUNCTUATION ? operator.text() : "") {
            case "=", "<>", "<", "<=", ">", ">=" -> operator.text();
            case "!=" -> "<>";
            default -> throw unexpected(operator);
        };
        next();
        return new Comparison(comparison, left, operand());
    }

    private Path asPath(Operand operand) {
        if (operand instanceof Path path) return path;
        throw syntax("IS MISSING needs an attribute path");
    }

    /** A path, a value, or size(path). */
    private Operand operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.IDENTIFIER && token.text().equalsIgnoreCase("size") && peekAt(1).is("(")) {
            next();
            next();
            Path path = path();
            expect(")");
            return new Call("size", List.of(path));
        }
        if (startsPath(token)) return path();
        return new Literal(value());
    }

    /** The functions SET can assign the result of (PartiQL update statements for DynamoDB). */
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "set_add", "set_delete");

    /** What SET assigns: a value or path, optionally plus or minus another, or list_append|set_add|set_delete(a, b). */
    private Operand updateValue() {
        Token token = peek();
        Operand left;
        String function = token.text().toLowerCase();
        if (token.kind() == Token.Kind.IDENTIFIER && UPDATE_FUNCTIONS.contains(function) && peekAt(1).is("(")) {
            next();
            next();
            Operand first = operand();
            expect(",");
            Operand second = operand();
            expect(")");
            left = new Call(function, List.of(first, second));
        } else {
            left = operand();
        }
        if (peek().is("+") || peek().is("-")) {
            char operator = next().text().charAt(0);
            return new Arithmetic(operator, left, operand());
        }
        return left;
    }

    private static boolean startsPath(Token token) {
        if (token.kind() == Token.Kind.QUOTED_IDENTIFIER) return true;
        return token.kind() == Token.Kind.IDENTIFIER && !token.isKeyword("TRUE") && !token.isKeyword("FALSE")
                && !token.isKeyword("NULL") && !token.isKeyword("MISSING");
    }

    private Path path() {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new Name(name()));
        while (true) {
            if (peek().is(".")) {
                next();
                elements.add(new Name(name()));
            } else if (peek().is("[")) {
                next();
                Token index = next();
                if (index.kind() != Token.Kind.NUMBER || !index.text().chars().allMatch(Character::isDigit)) {
                    throw unexpected(index);
                }
                elements.add(new Index(Integer.parseInt(index.text())));
                expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    // ---------------------------------------------------------------- values

    private AttrValue value() {
        Token token = next();
        switch (token.kind()) {
            case STRING -> {
                return new AttrValue.S(token.text());
            }
            case NUMBER -> {
                return AttrValue.N.of(token.text());
            }
            case PARAMETER -> {
                if (parametersUsed >= parameters.size()) throw PartiqlErrors.parameterCount();
                return parameters.get(parametersUsed++);
            }
            case IDENTIFIER -> {
                if (token.isKeyword("TRUE")) return AttrValue.Bool.TRUE;
                if (token.isKeyword("FALSE")) return AttrValue.Bool.FALSE;
                if (token.isKeyword("NULL")) return AttrValue.Null.INSTANCE;
                throw unexpected(token);
            }
            case PUNCTUATION -> {
                if (token.is("-") && peek().kind() == Token.Kind.NUMBER) return AttrValue.N.of("-" + next().text());
                if (token.is("{")) return map();
                if (token.is("[")) return list();
                if (token.is("<<")) return set();
                throw unexpected(token);
            }
            default -> throw unexpected(token);
        }
    }

    private AttrValue map() {
        Map<String, AttrValue> values = new LinkedHashMap<>();
        if (!peek().is("}")) {
            do {
                if (!values.isEmpty()) next();
                Token key = next();
                if (key.kind() != Token.Kind.STRING) throw unexpected(key);
                expect(":");
                if (values.put(key.text(), value()) != null) throw syntax("Duplicate map key '" + key.text() + "'");
            } while (peek().is(","));
        }
        expect("}");
        return new AttrValue.M(values);
    }

    private AttrValue list() {
        List<AttrValue> values = new ArrayList<>();
        if (!peek().is("]")) {
            values.add(value());
            while (peek().is(",")) {
                next();
                values.add(value());
            }
        }
        expect("]");
        return new AttrValue.L(values);
    }

    /** {@code <<'a', 'b'>>}: a string, number or binary set, all members of one type. */
    private AttrValue set() {
        List<AttrValue> members = new ArrayList<>();
        members.add(value());
        while (peek().is(",")) {
            next();
            members.add(value());
        }
        expect(">>");
        String type = members.get(0).type();
        for (AttrValue member : members) {
            if (!member.type().equals(type)) throw Errors.validation("Set members must all be of one type");
        }
        switch (type) {
            case "S" -> {
                Set<String> values = new LinkedHashSet<>();
                for (AttrValue m : members) values.add(((AttrValue.S) m).value());
                return new AttrValue.SS(values);
            }
            case "N" -> {
                Set<BigDecimal> values = new LinkedHashSet<>();
                for (AttrValue m : members) values.add(((AttrValue.N) m).value());
                return new AttrValue.NS(values);
            }
            case "B" -> {
                Set<Bytes> values = new LinkedHashSet<>();
                for (AttrValue m : members) values.add(((AttrValue.B) m).value());
                return new AttrValue.BS(values);
            }
            default -> throw Errors.validation("Sets can only hold strings, numbers or binary values");
        }
    }

    // ---------------------------------------------------------------- tokens

    private String name() {
        Token token = next();
        if (token.kind() != Token.Kind.IDENTIFIER && token.kind() != Token.Kind.QUOTED_IDENTIFIER) throw unexpected(token);
        return token.text();
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) position++;
        return token;
    }

    private void expect(String punctuation) {
        Token token = next();
        if (!token.is(punctuation)) throw unexpected(token);
    }

    private void expectKeyword(String keyword) {
        Token token = next();
        if (!token.isKeyword(keyword)) throw unexpected(token);
    }

    private static DynamoException unexpected(Token token) {
        return syntax("Unexpected token: " + token.shown() + " at position " + token.position());
    }

    private static DynamoException syntax(String detail) {
        return PartiqlErrors.syntax(detail);
    }
}
