package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.MissingRangeKeyException;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RangeKey;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.ScanProhibitedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindTest extends OrmTestBase {

    public static class User extends Model<User> {
        public static final Finder<User> find = Finder.of(User.class);
        public String name;
    }

    public static class Score extends Model<Score> {
        public static final Finder<Score> find = Finder.of(Score.class);
        @HashKey
        public String player;
        @RangeKey
        public int round;
        public long points;
    }

    public static class Gadget extends Model<Gadget> {
        public static final Finder<Gadget> find = Finder.of(Gadget.class);
        public String label;
    }

    private static User user(String name) {
        return User.find.create(u -> u.name = name);
    }

    private static Score score(String player, int round, long points) {
        return Score.find.create(s -> {
            s.player = player;
            s.round = round;
            s.points = points;
        });
    }

    @Test
    void byIdReturnsTheStoredRecordAsPersisted() {
        User saved = user("Josh");

        User found = User.find.byId(saved.getId());

        assertEquals("Josh", found.name);
        assertEquals(saved.getCreatedAt(), found.getCreatedAt());
        assertTrue(found.isPersisted());
        assertFalse(found.isChanged());
    }

    @Test
    void byIdOfAMissingRecordFailsWithRecordNotFound() {
        user("Someone"); // the table exists

        assertThrows(RecordNotFoundException.class, () -> User.find.byId("no-such-id"));
    }

    @Test
    void findByIdIsEmptyForAMissingRecord() {
        User saved = user("Opt");

        assertTrue(User.find.findById("no-such-id").isEmpty());
        assertEquals("Opt", User.find.findById(saved.getId()).orElseThrow().name);
    }

    @Test
    void aCompositeKeyNeedsBothValues() {
        score("ann", 1, 10);

        assertEquals(10, Score.find.byId("ann", 1).points);
        assertThrows(MissingRangeKeyException.class, () -> Score.find.byId("ann"));
    }

    @Test
    void byIdsReturnsRecordsInTheOrderAsked() {
        User a = user("a");
        User b = user("b");
        User c = user("c");

        List<User> found = User.find.byIds(List.of(c.getId(), a.getId(), b.getId()));

        assertEquals(List.of("c", "a", "b"), found.stream().map(u -> u.name).toList());
    }

    @Test
    void byIdsReadsMoreThanOneBatchOfOneHundred() {
        List<User> users = User.find.importAll(IntStream.range(0, 130).mapToObj(i -> {
            User u = new User();
            u.name = "u" + i;
            return u;
        }).toList());

        List<User> found = User.find.byIds(users.stream().map(User::getId).toList());

        assertEquals(users.stream().map(u -> u.name).toList(), found.stream().map(u -> u.name).toList());
    }

    @Test
    void byIdsFailsWhenAnyRecordIsMissing() {
        User a = user("present");

        assertThrows(RecordNotFoundException.class, () -> User.find.byIds(List.of(a.getId(), "missing")));
    }

    @Test
    void byIdsTakesCompositeKeys() {
        score("bob", 1, 5);
        score("bob", 2, 6);

        List<Score> found = Score.find.byIds(List.of(Key.of("bob", 2), Key.of("bob", 1)));

        assertEquals(List.of(6L, 5L), found.stream().map(s -> s.points).toList());
    }

    @Test
    void existsTellsWhetherAKeyIsStored() {
        User a = user("here");
        score("carl", 3, 1);

        assertTrue(User.find.exists(a.getId()));
        assertFalse(User.find.exists("nobody"));
        assertTrue(Score.find.exists(Key.of("carl", 3)));
        assertFalse(Score.find.exists(Key.of("carl", 4)));
    }

    @Test
    void consistentReadsFindWhatWasJustWritten() {
        User a = user("fresh");

        assertEquals("fresh", User.find.consistent().byId(a.getId()).name);
    }

    @Test
    void reloadReadsTheStoredItemAgainAndDropsLocalChanges() {
        User a = user("before");
        client().updateItem(b -> b.tableName(dynamoid().tableName(User.class)).key(idKey(a.getId()))
                .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("after"))));

        a.name = "local";
        a.reload();

        assertEquals("after", a.name);
        assertFalse(a.isChanged());
    }

    @Test
    void reloadingADeletedRecordFailsWithRecordNotFound() {
        User a = user("gone");
        User.find.delete(a.getId());

        assertThrows(RecordNotFoundException.class, a::reload);
    }

    @Test
    void allScansEveryRecord() {
        Gadget.find.importAll(List.of(gadget("x"), gadget("y")));

        List<String> labels = new ArrayList<>(Gadget.find.all().stream().map(g -> g.label).toList());
        labels.sort(null);

        assertEquals(List.of("x", "y"), labels);
    }

    @Test
    void warnOnScanLogsAWarning() {
        Dynamoid warning = orm.another(c -> c.warnOnScan(true));
        Gadget.find.on(warning).create(g -> g.label = "w");
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            Gadget.find.on(warning).all();
        } finally {
            System.setErr(stderr);
        }

        assertTrue(captured.toString().contains("WARN io.dynamoid.orm.scan - Scanning table " + warning.tableName(Gadget.class)),
                captured.toString());
    }

    @Test
    void errorOnScanRefusesAScan() {
        Dynamoid strict = orm.another(c -> c.errorOnScan(true));

        assertThrows(ScanProhibitedException.class, () -> Gadget.find.on(strict).all());
    }

    @Test
    void aBoundFinderUsesItsOwnInstance() {
        Dynamoid other = orm.another(c -> c);
        User here = user("only-here");

        assertTrue(User.find.findById(here.getId()).isPresent());
        User.find.on(other).create(u -> u.setId(here.getId()));
        assertEquals(null, User.find.on(other).byId(here.getId()).name);
    }

    private static Gadget gadget(String label) {
        Gadget g = new Gadget();
        g.label = label;
        return g;
    }
}
