package io.dynamoid.orm.internal.types;

import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Field;
import io.dynamoid.orm.FieldConverter;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.Setting;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.meta.ModelMeta;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each field type's DynamoDB representation, as Dynamoid stores it (no endpoint needed). */
class CodecsTest {

    enum Color { RED, GREEN }

    record Point(int x, int y) {
    }

    public static class Upper implements FieldConverter<String> {
        @Override
        public AttributeValue toAttributeValue(String value) {
            return AttributeValue.fromS(value.toUpperCase());
        }

        @Override
        public String fromAttributeValue(AttributeValue value) {
            return value.s().toLowerCase();
        }
    }

    public static class Everything extends Model<Everything> {
        String text;
        int count;
        long big;
        Integer boxed;
        double ratio;
        BigDecimal price;
        boolean flag;
        @Field(nativeBoolean = Setting.FALSE)
        Boolean legacyFlag;
        Instant at;
        @Field(storeAsString = Setting.TRUE)
        Instant atText;
        OffsetDateTime offset;
        ZonedDateTime zoned;
        LocalDateTime local;
        LocalDate day;
        @Field(storeAsString = Setting.TRUE)
        LocalDate dayText;
        Color color;
        byte[] bytes;
        Set<String> tags;
        Set<Integer> numbers;
        List<String> list;
        Map<String, Integer> map;
        AttributeValue raw;
        @Field(serialized = true)
        Point point;
        @Field(converter = Upper.class)
        String shouted;
        @Field(name = "renamed")
        String javaName;
    }

    private static final DynamoidConfig DEFAULTS = DynamoidConfig.builder().build();

    private static ModelMapping mapping(DynamoidConfig config) {
        return new ModelMapping(ModelMeta.of(Everything.class), config);
    }

    private static AttributeValue dump(String field, Object value) {
        return dump(DEFAULTS, field, value);
    }

    private static AttributeValue dump(DynamoidConfig config, String field, Object value) {
        return mapping(config).field(field).dump(value);
    }

    private static Object roundTrip(String field, Object value) {
        ModelMapping.MappedField f = mapping(DEFAULTS).field(field);
        return f.load(f.dump(value));
    }

    @Test
    void stringsAreS() {
        assertEquals(AttributeValue.fromS("hi"), dump("text", "hi"));
    }

    @Test
    void numbersAreN() {
        assertEquals(AttributeValue.fromN("42"), dump("count", 42));
        assertEquals(AttributeValue.fromN("9007199254740993"), dump("big", 9007199254740993L));
        assertEquals(AttributeValue.fromN("7"), dump("boxed", 7));
        assertEquals(AttributeValue.fromN("19.99"), dump("price", new BigDecimal("19.99")));
        assertEquals(0.25, roundTrip("ratio", 0.25));
        assertEquals(new BigDecimal("19.99"), roundTrip("price", new BigDecimal("19.99")));
    }

    @Test
    void booleansAreNativeByDefault() {
        assertEquals(AttributeValue.fromBool(true), dump("flag", true));
        assertEquals(true, roundTrip("flag", true));
    }

    @Test
    void booleansCanBeStoredAsTOrF() {
        assertEquals(AttributeValue.fromS("f"), dump("legacyFlag", false));
        assertEquals(AttributeValue.fromS("t"), dump(DynamoidConfig.builder().storeBooleanAsNative(false).build(), "flag", true));
        assertEquals(true, roundTrip("legacyFlag", true));
    }

    @Test
    void dateTimesAreEpochSecondsWithAFractionByDefault() {
        Instant at = Instant.parse("2020-01-02T03:04:05.678Z");
        assertEquals(AttributeValue.fromN("1577934245.678"), dump("at", at));
        assertEquals(AttributeValue.fromN("1577934245"), dump("at", Instant.parse("2020-01-02T03:04:05Z")));
        assertEquals(at, roundTrip("at", at));
    }

    @Test
    void dateTimesCanBeIsoStrings() {
        Instant at = Instant.parse("2020-01-02T03:04:05Z");
        assertEquals(AttributeValue.fromS("2020-01-02T03:04:05Z"), dump("atText", at));
        assertEquals(AttributeValue.fromS("2020-01-02T03:04:05Z"),
                dump(DynamoidConfig.builder().storeDateTimeAsString(true).build(), "at", at));
        assertEquals(at, roundTrip("atText", at));
    }

    @Test
    void offsetZonedAndLocalDateTimesAreStoredAsTheirInstant() {
        OffsetDateTime offset = OffsetDateTime.parse("2020-01-02T05:04:05+02:00");
        assertEquals(AttributeValue.fromN("1577934245"), dump("offset", offset));
        assertEquals(offset.toInstant(), ((OffsetDateTime) roundTrip("offset", offset)).toInstant());
        ZonedDateTime zoned = ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        assertEquals(zoned.toInstant(), ((ZonedDateTime) roundTrip("zoned", zoned)).toInstant());
        LocalDateTime local = LocalDateTime.parse("2020-01-02T03:04:05");
        assertEquals(AttributeValue.fromN("1577934245"), dump("local", local));
        assertEquals(local, roundTrip("local", local));
    }

    @Test
    void datesAreEpochDaysOrIsoStrings() {
        LocalDate day = LocalDate.parse("2020-01-02");
        assertEquals(AttributeValue.fromN("18263"), dump("day", day));
        assertEquals(AttributeValue.fromS("2020-01-02"), dump("dayText", day));
        assertEquals(day, roundTrip("day", day));
        assertEquals(day, roundTrip("dayText", day));
    }

    @Test
    void enumsAreStoredByName() {
        assertEquals(AttributeValue.fromS("GREEN"), dump("color", Color.GREEN));
        assertEquals(Color.RED, roundTrip("color", Color.RED));
    }

    @Test
    void byteArraysAreB() {
        byte[] bytes = {1, 2, 3};
        assertEquals(AttributeValue.fromB(SdkBytes.fromByteArray(bytes)), dump("bytes", bytes));
        assertArrayEquals(bytes, (byte[]) roundTrip("bytes", bytes));
    }

    @Test
    void setsAreStringOrNumberSets() {
        assertEquals(Set.of("a", "b"), Set.copyOf(dump("tags", Set.of("a", "b")).ss()));
        assertEquals(Set.of("1", "2"), Set.copyOf(dump("numbers", Set.of(1, 2)).ns()));
        assertEquals(Set.of(1, 2), roundTrip("numbers", Set.of(1, 2)));
    }

    @Test
    void anEmptySetIsNotStored() {
        assertNull(dump("tags", Set.of()));
    }

    @Test
    void listsAndMapsAreLAndM() {
        assertEquals(AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromS("y"))), dump("list", List.of("x", "y")));
        assertEquals(AttributeValue.fromM(Map.of("k", AttributeValue.fromN("1"))), dump("map", Map.of("k", 1)));
        assertEquals(Map.of("k", 1), roundTrip("map", Map.of("k", 1)));
        assertEquals(List.of("x", "y"), roundTrip("list", List.of("x", "y")));
    }

    @Test
    void rawAttributeValuesAreStoredAsTheyAre() {
        AttributeValue nested = AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of(AttributeValue.fromBool(true)))));
        assertEquals(nested, dump("raw", nested));
        assertEquals(nested, roundTrip("raw", nested));
    }

    @Test
    void serializedFieldsAreJsonStrings() {
        assertEquals(AttributeValue.fromS("{\"x\":1,\"y\":2}"), dump("point", new Point(1, 2)));
        assertEquals(new Point(3, 4), roundTrip("point", new Point(3, 4)));
    }

    @Test
    void aCustomConverterDecidesTheRepresentation() {
        assertEquals(AttributeValue.fromS("LOUD"), dump("shouted", "loud"));
        assertEquals("loud", roundTrip("shouted", "loud"));
    }

    @Test
    void emptyStringsAreStoredAsNullUnlessToldOtherwise() {
        assertNull(dump("text", ""));
        assertEquals(AttributeValue.fromS(""), dump(DynamoidConfig.builder().storeEmptyStringAsNull(false).build(), "text", ""));
    }

    @Test
    void aFieldCanBeStoredUnderAnotherName() {
        assertEquals("renamed", mapping(DEFAULTS).field("javaName").name());
    }

    @Test
    void keyTypesFollowTheRepresentation() {
        ModelMapping m = mapping(DEFAULTS);
        assertEquals(ScalarAttributeType.S, m.field("text").codec().keyType());
        assertEquals(ScalarAttributeType.N, m.field("count").codec().keyType());
        assertEquals(ScalarAttributeType.N, m.field("at").codec().keyType());
        assertEquals(ScalarAttributeType.S, m.field("atText").codec().keyType());
        assertEquals(ScalarAttributeType.B, m.field("bytes").codec().keyType());
        assertNull(m.field("list").codec().keyType());
    }

    public static class Unsupported extends Model<Unsupported> {
        Thread thread;
    }

    @Test
    void aTypeWithoutRepresentationIsADefinitionError() {
        assertThrows(ModelDefinitionException.class, () -> new ModelMapping(ModelMeta.of(Unsupported.class), DEFAULTS));
    }
}
