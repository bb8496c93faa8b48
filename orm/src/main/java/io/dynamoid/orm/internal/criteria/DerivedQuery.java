package io.dynamoid.orm.internal.criteria;

import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.UnknownAttributeException;
import io.dynamoid.orm.criteria.Condition;
import io.dynamoid.orm.internal.meta.FieldMeta;
import io.dynamoid.orm.internal.meta.IndexMeta;
import io.dynamoid.orm.internal.meta.ModelMeta;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository method name parsed once, when the repository is created:
 * {@code (find|findFirst|count|exists|delete)By<Part>(And<Part>)*(OrderBy<Field>(Asc|Desc)?)?}, each part a field
 * (Java name, capitalized) with an optional operator suffix taking its arguments in order.
 *
 * <p>OrderBy must name the range key of the table or of an index: DynamoDB only returns items in the order of
 * the range key of the key schema it reads, so the suffix chooses the direction, never a sort.
 */
public record DerivedQuery(Action action, List<Part> parts, boolean descending) {
    public enum Action { FIND, FIND_FIRST, COUNT, EXISTS, DELETE }

    /** One condition: the field, how many arguments it takes, and how they become a {@link Condition}. */
    public record Part(String field, int arity, Function<Object[], Condition> condition) {
    }

    private record Operator(String suffix, int arity, Function<Object[], Condition> condition) {
    }

    // Longest suffixes first, so that "GreaterThanEqual" is not read as "GreaterThan" of field "...Equal".
    private static final List<Operator> OPERATORS = List.of(
            new Operator("GreaterThanEqual", 1, a -> Condition.gte(a[0])),
            new Operator("LessThanEqual", 1, a -> Condition.lte(a[0])),
            new Operator("GreaterThan", 1, a -> Condition.gt(a[0])),
            new Operator("LessThan", 1, a -> Condition.lt(a[0])),
            new Operator("Between", 2, a -> Condition.between(a[0], a[1])),
            new Operator("StartingWith", 1, a -> Condition.beginsWith(a[0])),
            new Operator("NotContaining", 1, a -> Condition.notContains(a[0])),
            new Operator("Containing", 1, a -> Condition.contains(a[0])),
            new Operator("IsNotNull", 0, a -> Condition.notNull()),
            new Operator("IsNull", 0, a -> Condition.isNull()),
            new Operator("Not", 1, a -> Condition.ne(a[0])),
            new Operator("In", 1, a -> Condition.in((java.util.Collection<?>) a[0])));

    private static final Pattern NAME = Pattern.compile("(findFirst|find|count|exists|delete)By(.+?)(?:OrderBy([A-Z]\\w*?)(Asc|Desc)?)?");

    /** Parses and checks a method against a model; {@link ModelDefinitionException} saying what is wrong. */
    public static DerivedQuery parse(Method method, ModelMeta meta) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": ";
        Matcher m = NAME.matcher(method.getName());
        if (!m.matches()) {
            throw new ModelDefinitionException(where + "not a derived query (expected find|findFirst|count|exists|deleteBy<Field>...)");
        }
        List<Part> parts = new ArrayList<>();
        for (String part : m.group(2).split("And(?=[A-Z])")) {
            parts.add(part(part, meta, where));
        }
        int arguments = parts.stream().mapToInt(Part::arity).sum();
        if (arguments != method.getParameterCount()) {
            throw new ModelDefinitionException(where + "the name takes " + arguments + " argument(s), the method has " + method.getParameterCount());
        }
        if (m.group(3) != null) {
            requireRangeKey(field(m.group(3), meta, where), meta, where);
        }
        Action action = switch (m.group(1)) {
            case "findFirst" -> Action.FIND_FIRST;
            case "find" -> Action.FIND;
            case "count" -> Action.COUNT;
            case "exists" -> Action.EXISTS;
            default -> Action.DELETE;
        };
        return new DerivedQuery(action, List.copyOf(parts), "Desc".equals(m.group(4)));
    }

    private static Part part(String text, ModelMeta meta, String where) {
        if (hasField(text, meta)) {
            return new Part(field(text, meta, where).javaName(), 1, a -> Condition.eq(a[0]));
        }
        for (Operator op : OPERATORS) {
            if (text.endsWith(op.suffix()) && text.length() > op.suffix().length()) {
                String field = text.substring(0, text.length() - op.suffix().length());
                return new Part(field(field, meta, where).javaName(), op.arity(), op.condition());
            }
        }
        return new Part(field(text, meta, where).javaName(), 1, a -> Condition.eq(a[0])); // throws: unknown field
    }

    private static boolean hasField(String capitalized, ModelMeta meta) {
        try {
            meta.field(decapitalize(capitalized));
            return true;
        } catch (UnknownAttributeException e) {
            return false;
        }
    }

    private static FieldMeta field(String capitalized, ModelMeta meta, String where) {
        try {
            return meta.field(decapitalize(capitalized));
        } catch (UnknownAttributeException e) {
            throw new ModelDefinitionException(where + meta.type().getSimpleName() + " has no field '" + decapitalize(capitalized) + "'", e);
        }
    }

    private static void requireRangeKey(FieldMeta field, ModelMeta meta, String where) {
        boolean rangeKey = field == meta.rangeKey() || meta.indexes().stream().map(IndexMeta::rangeKey).anyMatch(r -> r == field);
        if (!rangeKey) {
            throw new ModelDefinitionException(where + "cannot order by '" + field.javaName()
                    + "': DynamoDB orders only by the range key of the table or of an index");
        }
    }

    private static String decapitalize(String s) {
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
