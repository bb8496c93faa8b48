package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.protocol.AttrValue;

import java.util.List;

/**
 * The immutable syntax tree of every expression kind. The parser produces it with placeholders
 * ({@link NameRef}, {@link ValueRef}) so a parse can be cached by text alone; {@link Binder} resolves them
 * against one request's ExpressionAttributeNames/Values, producing a tree with only {@link Name},
 * {@link Index} and {@link Literal} leaves.
 */
public final class Ast {
    private Ast() {
    }

    // ---------------------------------------------------------------- document paths

    /** One step of a document path: an attribute/map key, a list index, or (before binding) a #placeholder. */
    public sealed interface PathElement {
    }

    public record Name(String name) implements PathElement {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Index(int index) implements PathElement {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    public record NameRef(String placeholder) implements PathElement {
        @Override
        public String toString() {
            return placeholder;
        }
    }

    // ---------------------------------------------------------------- operands

    /** Something that yields a value: a path, a value, a function call or (in SET) an arithmetic. */
    public sealed interface Operand {
    }

    /** A document path such as {@code a.b[2].#c}; printed as DynamoDB prints it in messages: {@code [a, b, [2], c]}. */
    public record Path(List<PathElement> elements) implements Operand {
        public Path {
            elements = List.copyOf(elements);
        }

        public static Path of(String attribute) {
            return new Path(List.of(new Name(attribute)));
        }

        /** The top-level attribute name (bound paths only). */
        public String head() {
            return ((Name) elements.get(0)).name();
        }

        public boolean isNested() {
            return elements.size() > 1;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) s.append(", ");
                s.append(elements.get(i));
            }
            return s.append(']').toString();
        }
    }

    public record ValueRef(String placeholder) implements Operand {
    }

    public record Literal(AttrValue value) implements Operand {
    }

    /** A function: size, attribute_exists, begins_with... in conditions; if_not_exists, list_append in SET. */
    public record Call(String name, List<Operand> args) implements Operand {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code a + b} or {@code a - b} in a SET action. */
    public record Arithmetic(char operator, Operand left, Operand right) implements Operand {
    }

    // ---------------------------------------------------------------- conditions

    /** A condition (ConditionExpression, FilterExpression, KeyConditionExpression, legacy Expected...). */
    public sealed interface Condition {
    }

    public record And(Condition left, Condition right) implements Condition {
    }

    public record Or(Condition left, Condition right) implements Condition {
    }

    public record Not(Condition condition) implements Condition {
    }

    /** {@code =, <>, <, <=, >, >=}. */
    public record Comparison(String operator, Operand left, Operand right) implements Condition {
    }

    public record Between(Operand operand, Operand lower, Operand upper) implements Condition {
    }

    public record In(Operand operand, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** A boolean function used as a condition: attribute_exists(a), begins_with(a, :v)... */
    public record FunctionCondition(Call call) implements Condition {
    }

    // ---------------------------------------------------------------- updates

    public enum ActionType { SET, REMOVE, ADD, DELETE }

    /** One action of an UpdateExpression; {@code value} is null for REMOVE. */
    public record Action(ActionType type, Path path, Operand value) {
    }
}
