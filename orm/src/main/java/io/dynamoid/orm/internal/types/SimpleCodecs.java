package io.dynamoid.orm.internal.types;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The small codecs that the SDK's converters do not cover as Dynamoid stores them. */
final class SimpleCodecs {
    private SimpleCodecs() {
    }

    /** Dates as days since 1970-01-01 (N, Dynamoid's default) or "yyyy-MM-dd". */
    static FieldCodec date(boolean asString) {
        return new FieldCodec() {
            @Override
            public AttributeValue dump(Object value) {
                LocalDate date = (LocalDate) value;
                return asString ? AttributeValue.fromS(DateTimeFormatter.ISO_LOCAL_DATE.format(date))
                        : AttributeValue.fromN(Long.toString(date.toEpochDay()));
            }

            @Override
            public Object load(AttributeValue value) {
                return value.s() != null ? LocalDate.parse(value.s()) : LocalDate.ofEpochDay(Long.parseLong(value.n()));
            }

            @Override
            public ScalarAttributeType keyType() {
                return asString ? ScalarAttributeType.S : ScalarAttributeType.N;
            }
        };
    }

    /** Booleans as BOOL, or as Dynamoid's legacy "t"/"f" strings; either is read back. */
    static FieldCodec bool(boolean stringsTF) {
        return new FieldCodec() {
            @Override
            public AttributeValue dump(Object value) {
                boolean b = (Boolean) value;
                return stringsTF ? AttributeValue.fromS(b ? "t" : "f") : AttributeValue.fromBool(b);
            }

            @Override
            public Object load(AttributeValue value) {
                return value.bool() != null ? value.bool() : "t".equals(value.s()) || "true".equals(value.s());
            }

            @Override
            public ScalarAttributeType keyType() {
                return stringsTF ? ScalarAttributeType.S : null;
            }
        };
    }

    /** A time-to-live: whole epoch seconds (N), as DynamoDB's TTL requires. */
    static FieldCodec epochSeconds(Class<?> type) {
        boolean instant = type == Instant.class;
        return new FieldCodec() {
            @Override
            public AttributeValue dump(Object value) {
                long seconds = instant ? ((Instant) value).getEpochSecond() : ((Number) value).longValue();
                return AttributeValue.fromN(Long.toString(seconds));
            }

            @Override
            public Object load(AttributeValue value) {
                long seconds = DateTimeCodec.instant(new java.math.BigDecimal(value.n())).getEpochSecond();
                return instant ? Instant.ofEpochSecond(seconds) : (Object) seconds;
            }

            @Override
            public ScalarAttributeType keyType() {
                return ScalarAttributeType.N;
            }
        };
    }

    /** A raw attribute value, stored as it is. */
    static final FieldCodec RAW = new FieldCodec() {
        @Override
        public AttributeValue dump(Object value) {
            return (AttributeValue) value;
        }

        @Override
        public Object load(AttributeValue value) {
            return value;
        }

        @Override
        public ScalarAttributeType keyType() {
            return null;
        }
    };
}
