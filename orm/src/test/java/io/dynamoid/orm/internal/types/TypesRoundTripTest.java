package io.dynamoid.orm.internal.types;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.Field;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every kind of field written through an endpoint and read back equal. */
class TypesRoundTripTest extends OrmTestBase {

    enum Level { LOW, HIGH }

    public record Address(String city, String zip) {
    }

    public static class Profile extends Model<Profile> {
        public static final Finder<Profile> find = Finder.of(Profile.class);
        String name;
        int age;
        Long visits;
        double score;
        BigDecimal balance;
        boolean active;
        Instant lastSeen;
        LocalDate birthday;
        Level level;
        byte[] avatar;
        Set<String> tags;
        Set<Long> luckyNumbers;
        List<String> history;
        Map<String, Long> counters;
        AttributeValue extra;
        @Field(serialized = true)
        Address address;
        String nickname;
    }

    private static Profile full() {
        Profile p = new Profile();
        p.name = "Ann";
        p.age = 33;
        p.visits = 12345678901L;
        p.score = 98.5;
        p.balance = new BigDecimal("-12.50");
        p.active = true;
        p.lastSeen = Instant.parse("2024-05-06T07:08:09.123456Z");
        p.birthday = LocalDate.parse("1991-02-03");
        p.level = Level.HIGH;
        p.avatar = new byte[]{9, 8, 7};
        p.tags = Set.of("a", "b");
        p.luckyNumbers = Set.of(7L, 13L);
        p.history = List.of("x", "y", "x");
        p.counters = Map.of("clicks", 3L);
        p.extra = AttributeValue.fromM(Map.of("n", AttributeValue.fromN("1"), "l", AttributeValue.fromL(List.of(AttributeValue.fromNul(true)))));
        p.address = new Address("Lyon", "69001");
        p.nickname = "";
        return p;
    }

    private static void assertSameValues(Profile expected, Profile actual) {
        assertEquals(expected.name, actual.name);
        assertEquals(expected.age, actual.age);
        assertEquals(expected.visits, actual.visits);
        assertEquals(expected.score, actual.score);
        assertEquals(0, expected.balance.compareTo(actual.balance));
        assertEquals(expected.active, actual.active);
        assertEquals(expected.lastSeen, actual.lastSeen);
        assertEquals(expected.birthday, actual.birthday);
        assertEquals(expected.level, actual.level);
        assertArrayEquals(expected.avatar, actual.avatar);
        assertEquals(expected.tags, actual.tags);
        assertEquals(expected.luckyNumbers, actual.luckyNumbers);
        assertEquals(expected.history, actual.history);
        assertEquals(expected.counters, actual.counters);
        assertEquals(expected.extra, actual.extra);
        assertEquals(expected.address, actual.address);
    }

    @Test
    void everyFieldTypeSurvivesAWriteAndARead() {
        Profile saved = full().saveOrThrow();

        Profile found = Profile.find.byId(saved.getId());

        assertSameValues(saved, found);
        assertNull(found.nickname, "an empty string is stored as null by default");
        assertFalse(found.isChanged());
    }

    @Test
    void everyFieldTypeSurvivesWithStringStorageOptions() {
        Dynamoid strings = orm.another(c -> c.storeDateTimeAsString(true).storeDateAsString(true).storeBooleanAsNative(false));
        Profile saved = full();
        Profile.find.on(strings).importAll(List.of(saved));

        Profile found = Profile.find.on(strings).byId(saved.getId());

        assertSameValues(saved, found);
        var item = strings.client().getItem(b -> b.tableName(strings.tableName(Profile.class)).key(idKey(saved.getId()))).item();
        assertEquals("2024-05-06T07:08:09.123456Z", item.get("lastSeen").s());
        assertEquals("1991-02-03", item.get("birthday").s());
        assertEquals("t", item.get("active").s());
    }

    @Test
    void emptyCollectionsAndNullsReadBackAsNullOrEmpty() {
        Profile p = new Profile();
        p.tags = Set.of();
        p.history = List.of();
        p.save();

        Profile found = Profile.find.byId(p.getId());

        assertNull(found.tags, "DynamoDB has no empty sets: the attribute is not stored");
        assertEquals(List.of(), found.history);
        assertNull(found.visits);
        assertEquals(0, found.age);
    }
}
