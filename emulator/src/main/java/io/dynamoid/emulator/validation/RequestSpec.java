package io.dynamoid.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dynamoid.emulator.protocol.Errors;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The declared members of one operation's request, checked in DynamoDB's order:
 * <ol>
 *   <li>wire types, member by member in declaration order → SerializationException;</li>
 *   <li>required members and table-name length → ValidationException naming that member alone;</li>
 *   <li>all other constraints, collected (at most 10) → "N validation errors detected: ...".</li>
 * </ol>
 * The operation's own cross-field rules run after this. Unknown members and JSON nulls are dropped, as
 * DynamoDB ignores them.
 */
public final class RequestSpec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_REPORTED_ERRORS = 10;
    /** DynamoDB's TableArn shape: where a table name is expected, an ARN of up to 1024 characters is accepted. */
    private static final int MAX_TABLE_ARN_LENGTH = 1024;

    private final Map<String, Shape> members = new LinkedHashMap<>();

    private RequestSpec() {
    }

    public static RequestSpec of() {
        return new RequestSpec();
    }

    public RequestSpec with(String name, Shape shape) {
        members.put(name, shape);
        return this;
    }

    /** Type-checks and validates {@code request}; returns the cleaned request. */
    public ObjectNode check(JsonNode request) {
        ObjectNode cleaned = checkStructTypes(request, members);
        checkConstraints(cleaned);
        return cleaned;
    }

    // ---------------------------------------------------------------- serialization (types)

    private static ObjectNode checkStructTypes(JsonNode value, Map<String, Shape> members) {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Shape> member : members.entrySet()) {
            JsonNode child = value.get(member.getKey());
            if (child == null || child.isNull()) continue;
            JsonNode checked = checkType(child, member.getValue());
            if (checked != null) out.set(member.getKey(), checked);
        }
        return out;
    }

    /** DynamoDB's member order, the order its value checks report in (not the order the client sent). */
    private static final String[] ATTRIBUTE_VALUE_MEMBERS = {"S", "B", "N", "BOOL", "NULL", "BS", "NS", "SS", "L", "M"};

    private static ObjectNode checkAttributeStructTypes(JsonNode value, Shape shape) {
        // sized for the one type member a value has (the default table is 16 slots)
        ObjectNode out = new ObjectNode(NODES, new LinkedHashMap<>(2));
        for (String name : ATTRIBUTE_VALUE_MEMBERS) {
            JsonNode child = value.get(name);
            if (child == null || child.isNull()) continue;
            out.set(name, checkTypeUnsafe(child, shape.member(name)));
        }
        return out;
    }

    private static DynamoSerialization typeError(String message) {
        return new DynamoSerialization(message);
    }

    /** Thrown and turned into SerializationException by {@link #check}'s callers. */
    static final class DynamoSerialization extends RuntimeException {
        DynamoSerialization(String message) {
            super(message, null, false, false);
        }
    }

    private static JsonNode checkType(JsonNode value, Shape shape) {
        try {
            return checkTypeUnsafe(value, shape);
        } catch (DynamoSerialization e) {
            throw Errors.serialization(e.getMessage());
        }
    }

    private static JsonNode checkTypeUnsafe(JsonNode value, Shape shape) {
        if (value == null || value.isNull()) return null;
        String javaName = shape.kind.javaName;
        switch (shape.kind) {
            case BOOLEAN -> {
                if (value.isNumber()) throw typeError(numberKind(value) + " cannot be converted to Boolean");
                if (value.isTextual()) {
                    String text = value.textValue().toUpperCase();
                    if (text.equals("TRUE") || text.equals("1") || text.equals("YES")) return BooleanNode.TRUE;
                    if (text.equals("FALSE") || text.equals("0") || text.equals("NO")) return BooleanNode.FALSE;
                    throw typeError("Unexpected token received from parser");
                }
                if (value.isArray()) throw typeError("Unrecognized collection type class java.lang.Boolean");
                if (value.isObject()) throw typeError("Start of structure or map found where not expected");
                return value;
            }
            case SHORT, INTEGER, LONG, DOUBLE -> {
                if (value.isBoolean()) {
                    throw typeError((value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + javaName);
                }
                if (value.isTextual()) throw typeError("STRING_VALUE cannot be converted to " + javaName);
                if (value.isArray()) throw typeError("Unrecognized collection type class java.lang." + javaName);
                if (value.isObject()) throw typeError("Start of structure or map found where not expected");
                if (shape.kind == Shape.Kind.DOUBLE) return value;
                // Clamped first: 1e999999999 must not expand into a billion digits, and an Integer beyond 2^31
                // must not wrap to a negative Limit. Longs keep their value (messages quote it) up to 1e40.
                BigDecimal max = shape.kind == Shape.Kind.LONG ? LONG_BOUND : BigDecimal.valueOf(Integer.MAX_VALUE);
                BigDecimal min = shape.kind == Shape.Kind.LONG ? LONG_BOUND.negate() : BigDecimal.valueOf(Integer.MIN_VALUE);
                BigDecimal number = value.decimalValue().max(min).min(max).setScale(0, RoundingMode.FLOOR);
                return DecimalNode.valueOf(number);
            }
            case STRING -> {
                if (value.isBoolean()) {
                    throw typeError((value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to String");
                }
                if (value.isNumber()) throw typeError(numberKind(value) + " cannot be converted to String");
                if (value.isArray()) throw typeError("Unrecognized collection type class java.lang.String");
                if (value.isObject()) throw typeError("Start of structure or map found where not expected");
                return value;
            }
            case BLOB -> {
                if (value.isBoolean() || value.isNumber()) {
                    throw typeError("only base-64-encoded strings are convertible to bytes");
                }
                if (value.isArray()) throw typeError("Unrecognized collection type class java.nio.ByteBuffer");
                if (value.isObject()) throw typeError("Start of structure or map found where not expected");
                String text = value.textValue();
                if (text.length() % 4 != 0) {
                    throw typeError("Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
                }
                byte[] decoded;
                try {
                    decoded = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw typeError("Invalid last non-pad Base64 character dectected");
                }
                if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
                    throw typeError("Invalid last non-pad Base64 character dectected");
                }
                return value;
            }
            case LIST, PARAMETERIZED_LIST -> {
                if (value.isBoolean() || value.isNumber() || value.isTextual()) {
                    throw typeError(shape.kind == Shape.Kind.LIST ? "Unexpected field type" : PARAMETERIZED_CAST);
                }
                if (value.isObject()) throw typeError("Start of structure or map found where not expected");
                ArrayNode out = NODES.arrayNode(value.size());
                for (JsonNode child : value) {
                    // JS keeps nulls in arrays as null; we keep them too so "Member must not be null" can fire.
                    out.add(child.isNull() ? child : checkTypeUnsafe(child, shape.element));
                }
                return out;
            }
            case PARAMETERIZED_MAP, MAP -> {
                if (value.isBoolean() || value.isNumber() || value.isTextual()) {
                    throw typeError(shape.kind == Shape.Kind.MAP ? "Unexpected field type" : PARAMETERIZED_CAST);
                }
                if (value.isArray()) {
                    String model = shape.modelName == null ? "AttributeValue" : shape.modelName;
                    throw typeError("Unrecognized collection type java.util.Map<java.lang.String, "
                            + (model.contains(".") ? model : "com.amazonaws.dynamodb.v20120810." + model) + ">");
                }
                ObjectNode out = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode checked = field.getValue().isNull() ? field.getValue() : checkTypeUnsafe(field.getValue(), shape.element);
                    out.set(field.getKey(), checked);
                }
                return out;
            }
            case VALUE_STRUCT, FIELD_STRUCT -> {
                if (value.isBoolean() || value.isNumber() || value.isTextual()) {
                    throw typeError(shape.kind == Shape.Kind.VALUE_STRUCT ? "Unexpected value type in payload" : "Unexpected field type");
                }
                if (value.isArray()) {
                    throw typeError("Unrecognized collection type class com.amazonaws.dynamodb.v20120810." + shape.modelName);
                }
                if (shape.attributeValue) return checkAttributeStructTypes(value, shape);
                ObjectNode out = NODES.objectNode();
                for (Map.Entry<String, Shape> member : shape.members.entrySet()) {
                    JsonNode child = value.get(member.getKey());
                    if (child == null || child.isNull()) continue;
                    JsonNode checked = checkTypeUnsafe(child, member.getValue());
                    if (checked != null) out.set(member.getKey(), checked);
                }
                return out;
            }
        }
        throw new IllegalStateException("unknown kind " + shape.kind);
    }

    private static final String PARAMETERIZED_CAST = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "and java.lang.Class are in module java.base of loader 'bootstrap')";

    private static final BigDecimal LONG_BOUND = BigDecimal.TEN.pow(40);

    private static String numberKind(JsonNode value) {
        if (value.isIntegralNumber()) return "NUMBER_VALUE";
        return value.decimalValue().stripTrailingZeros().scale() <= 0 ? "NUMBER_VALUE" : "DECIMAL_VALUE";
    }

    // ---------------------------------------------------------------- validation (constraints)

    private void checkConstraints(ObjectNode request) {
        for (Map.Entry<String, Shape> member : members.entrySet()) {
            JsonNode value = request.get(member.getKey());
            Shape shape = member.getValue();
            if (shape.required && value == null) {
                throw Errors.validation("The parameter '" + member.getKey() + "' is required but was not present in the request");
            }
            if (shape.tableName && value != null && !isArn(value)) {
                int length = value.textValue().length();
                if (length < 3 || length > 255) {
                    throw Errors.validation(member.getKey() + " must be at least 3 characters long and at most 255 characters long");
                }
            }
        }
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Shape> member : members.entrySet()) {
            checkMember(member.getKey(), request.get(member.getKey()), member.getValue(), null, errors);
        }
        if (!errors.isEmpty()) {
            throw Errors.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }

    private static void checkMember(String name, JsonNode value, Shape shape, MemberPath parent, List<String> errors) {
        if (shape == null) return;
        if ((shape.tableName || shape.tableArn) && isArn(value)) {
            // A table ARN stands in for the name (DynamoDB's TableArn shape): the name's pattern and length
            // rules give way to the ARN's maximum length.
            if (value.textValue().length() > MAX_TABLE_ARN_LENGTH) {
                report("Member must have length less than or equal to " + MAX_TABLE_ARN_LENGTH, value, parent, name, errors);
            }
            return;
        }
        for (Shape.Constraint constraint : shape.constraints) {
            if (errors.size() >= MAX_REPORTED_ERRORS) return;
            if (!constraint.kind().equals("notNull") && (value == null || value.isNull())) continue;
            checkConstraint(constraint, name, value, parent, errors);
        }
        if (shape.attributeValue) return;
        if (value == null || value.isNull()) {
            // A null entry of a list or map of structures is an entry whose members are all null, so their
            // notNull constraints answer it (operations never see a null where a member is required).
            boolean entry = name.equals("member") && (shape.kind == Shape.Kind.VALUE_STRUCT || shape.kind == Shape.Kind.FIELD_STRUCT);
            if (!entry || hasNotNull(shape)) return;
            value = NODES.objectNode();
        }
        MemberPath path = MemberPath.member(parent, name);
        switch (shape.kind) {
            case LIST, PARAMETERIZED_LIST -> {
                for (int i = 0; i < value.size(); i++) {
                    if (errors.size() >= MAX_REPORTED_ERRORS) return;
                    checkMember("member", value.get(i), shape.element, MemberPath.index(path, i + 1), errors);
                }
            }
            case MAP, PARAMETERIZED_MAP -> {
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    if (errors.size() >= MAX_REPORTED_ERRORS) return;
                    Map.Entry<String, JsonNode> field = fields.next();
                    checkMember("member", field.getValue(), shape.element, MemberPath.key(path, field.getKey()), errors);
                }
            }
            case VALUE_STRUCT, FIELD_STRUCT -> {
                for (Map.Entry<String, Shape> member : shape.members.entrySet()) {
                    checkMember(member.getKey(), value.get(member.getKey()), member.getValue(), path, errors);
                }
            }
            default -> {
            }
        }
    }

    private static void checkConstraint(Shape.Constraint constraint, String name, JsonNode value, MemberPath parent,
                                        List<String> errors) {
        switch (constraint.kind()) {
            case "keys" -> {
                Shape keyShape = (Shape) constraint.argument();
                Iterator<String> keys = value.fieldNames();
                while (keys.hasNext()) {
                    if (!satisfies(TextNode.valueOf(keys.next()), keyShape)) {
                        report("Map keys must satisfy constraint: [" + describe(keyShape) + "]", value, parent, name, errors);
                    }
                }
            }
            case "values" -> {
                Shape valueShape = (Shape) constraint.argument();
                for (JsonNode child : value) {
                    if (!satisfies(child, valueShape)) {
                        report("Map value must satisfy constraint: [" + describe(valueShape) + "]", value, parent, name, errors);
                    }
                }
            }
            // the message is built only for a value that breaks the constraint (most requests break none)
            default -> {
                if (!holds(constraint, value)) report(message(constraint), value, parent, name, errors);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean holds(Shape.Constraint constraint, JsonNode value) {
        Object arg = constraint.argument();
        switch (constraint.kind()) {
            case "notNull":
                return value != null && !value.isNull();
            case "greaterThanOrEqual":
                return value.decimalValue().compareTo(BigDecimal.valueOf((Long) arg)) >= 0;
            case "lessThanOrEqual":
                return value.decimalValue().compareTo(BigDecimal.valueOf((Long) arg)) <= 0;
            case "regex":
                return ((Pattern) arg).matcher(value.asText()).matches();
            case "lengthGreaterThanOrEqual":
                return length(value) >= (Integer) arg;
            case "lengthLessThanOrEqual":
                return length(value) <= (Integer) arg;
            case "enum":
                return ((List<String>) arg).contains(value.asText());
            case "keys": {
                boolean ok = true;
                Iterator<String> keys = value.fieldNames();
                while (keys.hasNext()) ok &= satisfies(TextNode.valueOf(keys.next()), (Shape) arg);
                return ok;
            }
            case "values": {
                boolean ok = true;
                for (JsonNode child : value) ok &= satisfies(child, (Shape) arg);
                return ok;
            }
            default:
                throw new IllegalStateException(constraint.kind());
        }
    }

    @SuppressWarnings("unchecked")
    private static String message(Shape.Constraint constraint) {
        Object arg = constraint.argument();
        switch (constraint.kind()) {
            case "notNull":
                return "Member must not be null";
            case "greaterThanOrEqual":
                return "Member must have value greater than or equal to " + arg;
            case "lessThanOrEqual":
                return "Member must have value less than or equal to " + arg;
            case "regex":
                return "Member must satisfy regular expression pattern: " + ((Pattern) arg).pattern();
            case "lengthGreaterThanOrEqual":
                return "Member must have length greater than or equal to " + arg;
            case "lengthLessThanOrEqual":
                return "Member must have length less than or equal to " + arg;
            case "enum":
                return "Member must satisfy enum value set: [" + String.join(", ", (List<String>) arg) + "]";
            default:
                throw new IllegalStateException(constraint.kind());
        }
    }

    private static boolean isArn(JsonNode value) {
        return value != null && value.isTextual() && value.textValue().startsWith("arn:");
    }

    /** Whether {@code value} keeps every constraint of {@code shape} (all are evaluated, as when they reported). */
    private static boolean satisfies(JsonNode value, Shape shape) {
        boolean ok = true;
        for (Shape.Constraint c : shape.constraints) ok &= holds(c, value);
        return ok;
    }

    private static boolean hasNotNull(Shape shape) {
        for (Shape.Constraint c : shape.constraints) {
            if (c.kind().equals("notNull")) return true;
        }
        return false;
    }

    private static String describe(Shape shape) {
        List<String> parts = new ArrayList<>();
        for (Shape.Constraint c : shape.constraints) {
            switch (c.kind()) {
                case "lengthGreaterThanOrEqual" -> parts.add("Member must have length greater than or equal to " + c.argument());
                case "lengthLessThanOrEqual" -> parts.add("Member must have length less than or equal to " + c.argument());
                case "regex" -> parts.add("Member must satisfy regular expression pattern: " + ((Pattern) c.argument()).pattern());
                default -> parts.add("null");
            }
        }
        return String.join(", ", parts);
    }

    private static int length(JsonNode value) {
        if (value.isTextual()) return value.textValue().length();
        return value.size();
    }

    private static void report(String message, JsonNode value, MemberPath parent, String name, List<String> errors) {
        String shown = valueText(value);
        if (!shown.equals("null")) shown = "'" + shown + "'";
        String path = MemberPath.member(parent, name).toString();
        errors.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + message);
    }

    /** How DynamoDB prints a value inside a validation message. */
    static String valueText(JsonNode value) {
        if (value == null || value.isNull()) return "null";
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode child : value) parts.add(valueText(child));
            return "[" + String.join(", ", parts) + "]";
        }
        if (value.isObject()) return value.toString();
        if (value.isNumber()) {
            BigDecimal d = value.decimalValue();
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.stripTrailingZeros().toPlainString();
        }
        return value.asText();
    }

    private static String lowerFirst(String name) {
        if (name.isEmpty()) return name;
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A member's place in the request as messages print it ("item.member.1"); requests are checked member by
     * member, and the text is spelled out only when an error names it.
     */
    private static final class MemberPath {
        private final MemberPath parent;
        /** A member name (printed with a lower-case first letter) or a map key (printed as is). */
        private final String segment;
        private final boolean memberName;
        /** A list position (from 1), when segment is null. */
        private final int position;

        private MemberPath(MemberPath parent, String segment, boolean memberName, int position) {
            this.parent = parent;
            this.segment = segment;
            this.memberName = memberName;
            this.position = position;
        }

        static MemberPath member(MemberPath parent, String name) {
            return new MemberPath(parent, name, true, 0);
        }

        static MemberPath key(MemberPath parent, String key) {
            return new MemberPath(parent, key, false, 0);
        }

        static MemberPath index(MemberPath parent, int position) {
            return new MemberPath(parent, null, false, position);
        }

        @Override
        public String toString() {
            String own = segment == null ? Integer.toString(position) : memberName ? lowerFirst(segment) : segment;
            return parent == null ? own : parent + "." + own;
        }
    }
}
