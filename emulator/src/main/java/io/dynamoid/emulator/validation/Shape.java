package io.dynamoid.emulator.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared shape of one request member: its wire type (checked first, answering
 * SerializationException as DynamoDB's deserializer does) and its constraints (checked next, answering
 * "N validation errors detected: ..."). Constraints are checked in the order they are declared, which is
 * the order DynamoDB reports them in.
 */
public final class Shape {

    enum Kind {
        BOOLEAN("Boolean"), SHORT("Short"), INTEGER("Integer"), LONG("Long"), DOUBLE("Double"),
        STRING("String"), BLOB("Blob"), LIST("List"), PARAMETERIZED_LIST("ParameterizedList"),
        PARAMETERIZED_MAP("ParameterizedMap"), MAP("Map"), VALUE_STRUCT("ValueStruct"),
        FIELD_STRUCT("FieldStruct");

        final String javaName;

        Kind(String javaName) {
            this.javaName = javaName;
        }
    }

    /** One declared constraint; {@code kind} names the check, {@code argument} its bound or pattern. */
    record Constraint(String kind, Object argument) {
    }

    final Kind kind;
    /** For MAP and structs: the DynamoDB model class name used in messages (e.g. AttributeValue). */
    final String modelName;
    /** For lists and maps: the shape of each element. */
    Shape element;
    /** For structs: the members, in declaration order. */
    final Map<String, Shape> members = new LinkedHashMap<>();
    final List<Constraint> constraints = new ArrayList<>();
    boolean required;
    boolean tableName;
    boolean tableArn;

    private Shape(Kind kind, String modelName) {
        this.kind = kind;
        this.modelName = modelName;
    }

    // ---- wire types ----

    public static Shape bool() {
        return new Shape(Kind.BOOLEAN, null);
    }

    public static Shape integer() {
        return new Shape(Kind.INTEGER, null);
    }

    public static Shape longValue() {
        return new Shape(Kind.LONG, null);
    }

    public static Shape doubleValue() {
        return new Shape(Kind.DOUBLE, null);
    }

    public static Shape string() {
        return new Shape(Kind.STRING, null);
    }

    public static Shape blob() {
        return new Shape(Kind.BLOB, null);
    }

    public static Shape list(Shape element) {
        Shape s = new Shape(Kind.LIST, null);
        s.element = element;
        return s;
    }

    public static Shape parameterizedList(Shape element) {
        Shape s = new Shape(Kind.PARAMETERIZED_LIST, null);
        s.element = element;
        return s;
    }

    public static Shape parameterizedMap(Shape element) {
        Shape s = new Shape(Kind.PARAMETERIZED_MAP, null);
        s.element = element;
        return s;
    }

    /** A JSON object keyed by strings, e.g. {@code map("AttributeValue", attributeValue())}. */
    public static Shape map(String valueModelName, Shape element) {
        Shape s = new Shape(Kind.MAP, valueModelName);
        s.element = element;
        return s;
    }

    /** A structure that appears as a list element or map value (DynamoDB's "value" position). */
    public static Shape valueStruct(String modelName) {
        return new Shape(Kind.VALUE_STRUCT, modelName);
    }

    /** A structure that appears as a named field of another structure. */
    public static Shape fieldStruct(String modelName) {
        return new Shape(Kind.FIELD_STRUCT, modelName);
    }

    /** An AttributeValue in value position (map values, list elements). */
    public static Shape attributeValue() {
        return attributeValueShape(valueStruct("AttributeValue"));
    }

    /** An AttributeValue in field position (e.g. ExpectedAttributeValue.Value). */
    public static Shape attributeValueField() {
        return attributeValueShape(fieldStruct("AttributeValue"));
    }

    private static Shape attributeValueShape(Shape struct) {
        struct.members.put("S", string());
        struct.members.put("B", blob());
        struct.members.put("N", string());
        struct.members.put("BOOL", bool());
        struct.members.put("NULL", bool());
        struct.members.put("BS", list(blob()));
        struct.members.put("NS", list(string()));
        struct.members.put("SS", list(string()));
        // Nested values are created lazily: the recursion is unbounded (depth is limited elsewhere).
        struct.members.put("L", null);
        struct.members.put("M", null);
        struct.attributeValue = true;
        return struct;
    }

    boolean attributeValue;

    /** Members of a struct; for attribute values the recursive L and M are resolved here. */
    Shape member(String name) {
        if (attributeValue && (name.equals("L") || name.equals("M"))) {
            return name.equals("L") ? list(attributeValue()) : map("AttributeValue", attributeValue());
        }
        return members.get(name);
    }

    // ---- struct members ----

    public Shape with(String name, Shape member) {
        members.put(name, member);
        return this;
    }

    // ---- constraints, checked in declaration order ----

    /** The member must be present; reported alone, before all other validation, as DynamoDB does. */
    public Shape required() {
        required = true;
        return this;
    }

    /**
     * Table-name length rule reported before the other constraints ("must be at least 3 characters...").
     * A value starting with {@code arn:} is a table ARN instead: only its length (at most 1024) is checked here.
     */
    public Shape tableName() {
        tableName = true;
        return this;
    }

    /**
     * A table name whose constraints are collected with the others (as item operations report them), but
     * which may also be a table ARN: a value starting with {@code arn:} is checked only for its length (at
     * most 1024), like {@link #tableName()}'s ARNs.
     */
    public Shape orTableArn() {
        tableArn = true;
        return this;
    }

    public Shape notNull() {
        constraints.add(new Constraint("notNull", null));
        return this;
    }

    public Shape min(long bound) {
        constraints.add(new Constraint("greaterThanOrEqual", bound));
        return this;
    }

    public Shape max(long bound) {
        constraints.add(new Constraint("lessThanOrEqual", bound));
        return this;
    }

    public Shape regex(String pattern) {
        constraints.add(new Constraint("regex", java.util.regex.Pattern.compile(pattern)));
        return this;
    }

    public Shape minLength(int bound) {
        constraints.add(new Constraint("lengthGreaterThanOrEqual", bound));
        return this;
    }

    public Shape maxLength(int bound) {
        constraints.add(new Constraint("lengthLessThanOrEqual", bound));
        return this;
    }

    public Shape oneOf(String... values) {
        constraints.add(new Constraint("enum", List.of(values)));
        return this;
    }

    /** Constraints every key of a map must satisfy (each a length or regex constraint shape). */
    public Shape keys(Shape keyConstraints) {
        constraints.add(new Constraint("keys", keyConstraints));
        return this;
    }

    /** Constraints every value of a map must satisfy (length constraints). */
    public Shape values(Shape valueConstraints) {
        constraints.add(new Constraint("values", valueConstraints));
        return this;
    }
}
