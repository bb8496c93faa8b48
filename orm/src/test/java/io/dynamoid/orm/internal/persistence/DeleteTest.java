package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.LockVersion;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RangeKey;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.StaleObjectException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteTest extends OrmTestBase {

    public static class Note extends Model<Note> {
        public static final Finder<Note> find = Finder.of(Note.class);
        public String text;
        final transient List<String> calls = new ArrayList<>();

        @Override
        protected void beforeDestroy() {
            calls.add("beforeDestroy");
        }

        @Override
        protected void afterDestroy() {
            calls.add("afterDestroy");
        }
    }

    public static class Line extends Model<Line> {
        public static final Finder<Line> find = Finder.of(Line.class);
        @HashKey
        public String doc;
        @RangeKey
        public int number;
    }

    public static class Contract extends Model<Contract> {
        public static final Finder<Contract> find = Finder.of(Contract.class);
        public String terms;
        @LockVersion
        public int version;
    }

    private static Note note(String text) {
        return Note.find.create(n -> n.text = text);
    }

    @Test
    void destroyDeletesTheItemAndRunsTheHooks() {
        Note n = note("bye");

        n.destroy();

        assertNull(storedItem(Note.class, idKey(n.getId())));
        assertEquals(List.of("beforeDestroy", "afterDestroy"), n.calls);
        assertTrue(n.isDestroyed());
        assertFalse(n.isPersisted());
    }

    @Test
    void deleteSkipsTheHooks() {
        Note n = note("quiet");

        n.delete();

        assertNull(storedItem(Note.class, idKey(n.getId())));
        assertEquals(List.of(), n.calls);
    }

    @Test
    void aDestroyedRecordCannotBeSavedAgain() {
        Note n = note("once");
        n.destroy();

        assertThrows(RecordNotFoundException.class, n::save);
    }

    @Test
    void classLevelDeleteRemovesOneKey() {
        Note n = note("by key");

        Note.find.delete(n.getId());

        assertFalse(Note.find.exists(n.getId()));
    }

    @Test
    void deleteAllRemovesManyKeysInBatches() {
        List<Note> notes = Note.find.importAll(IntStream.range(0, 40).mapToObj(i -> {
            Note n = new Note();
            n.text = "n" + i;
            return n;
        }).toList());
        Note keep = note("keep");

        Note.find.deleteAll(notes.stream().map(Note::getId).toList());

        assertTrue(notes.stream().noneMatch(n -> Note.find.exists(n.getId())));
        assertTrue(Note.find.exists(keep.getId()));
    }

    @Test
    void deleteAllTakesCompositeKeys() {
        Line.find.importAll(List.of(line("d", 1), line("d", 2), line("d", 3)));

        Line.find.deleteAll(List.of(Key.of("d", 1), Key.of("d", 3)));

        assertFalse(Line.find.exists(Key.of("d", 1)));
        assertTrue(Line.find.exists(Key.of("d", 2)));
        assertFalse(Line.find.exists(Key.of("d", 3)));
    }

    @Test
    void destroyingAStaleRecordFailsWithStaleObject() {
        Contract c = Contract.find.create(x -> x.terms = "v1");
        Contract other = Contract.find.byId(c.getId());
        other.terms = "v2";
        other.save();

        assertThrows(StaleObjectException.class, c::destroy);
        assertTrue(Contract.find.exists(c.getId()));
    }

    private static Line line(String doc, int number) {
        Line l = new Line();
        l.doc = doc;
        l.number = number;
        return l;
    }
}
