package io.dynamoid.orm.internal.types;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

/**
 * Date-times as Dynamoid stores them: seconds since the epoch with a fraction (N, the default), or an ISO-8601
 * string. A {@code LocalDateTime} is read as UTC; from a number, offset and zoned values come back in UTC.
 */
final class DateTimeCodec implements FieldCodec {
    private final boolean asString;
    private final Function<Object, Instant> toInstant;
    private final Function<Instant, Object> fromInstant;
    private final DateTimeFormatter format;
    private final Function<TemporalAccessor, Object> parsed;

    private DateTimeCodec(boolean asString, Function<Object, Instant> toInstant, Function<Instant, Object> fromInstant,
                          DateTimeFormatter format, Function<TemporalAccessor, Object> parsed) {
        this.asString = asString;
        this.toInstant = toInstant;
        this.fromInstant = fromInstant;
        this.format = format;
        this.parsed = parsed;
    }

    /** A codec for this date-time type, or null when the type is not a date-time. */
    static FieldCodec forType(Class<?> type, boolean asString) {
        if (type == Instant.class) {
            return new DateTimeCodec(asString, v -> (Instant) v, i -> i, DateTimeFormatter.ISO_INSTANT, Instant::from);
        }
        if (type == OffsetDateTime.class) {
            return new DateTimeCodec(asString, v -> ((OffsetDateTime) v).toInstant(), i -> i.atOffset(ZoneOffset.UTC),
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from);
        }
        if (type == ZonedDateTime.class) {
            return new DateTimeCodec(asString, v -> ((ZonedDateTime) v).toInstant(), i -> i.atZone(ZoneOffset.UTC),
                    DateTimeFormatter.ISO_ZONED_DATE_TIME, ZonedDateTime::from);
        }
        if (type == LocalDateTime.class) {
            return new DateTimeCodec(asString, v -> ((LocalDateTime) v).toInstant(ZoneOffset.UTC),
                    i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC), DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from);
        }
        return null;
    }

    @Override
    public AttributeValue dump(Object value) {
        if (asString) {
            return AttributeValue.fromS(format.format((TemporalAccessor) value));
        }
        return AttributeValue.fromN(epochSeconds(toInstant.apply(value)).toPlainString());
    }

    @Override
    public Object load(AttributeValue value) {
        if (value.s() != null) {
            return parsed.apply(format.parse(value.s()));
        }
        return fromInstant.apply(instant(new BigDecimal(value.n())));
    }

    @Override
    public ScalarAttributeType keyType() {
        return asString ? ScalarAttributeType.S : ScalarAttributeType.N;
    }

    static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
        return seconds.stripTrailingZeros().scale() < 0 ? seconds.setScale(0) : seconds.stripTrailingZeros();
    }

    static Instant instant(BigDecimal epochSeconds) {
        BigDecimal whole = epochSeconds.setScale(0, java.math.RoundingMode.FLOOR);
        int nanos = epochSeconds.subtract(whole).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }
}
