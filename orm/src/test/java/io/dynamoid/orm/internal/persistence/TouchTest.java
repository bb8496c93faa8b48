package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RecordNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TouchTest extends OrmTestBase {

    public static class Session extends Model<Session> {
        public static final Finder<Session> find = Finder.of(Session.class);
        public String user;
        public Instant seenAt;
    }

    @Test
    void touchMovesUpdatedAtOnly() throws InterruptedException {
        Session s = Session.find.create(x -> x.user = "ann");
        Instant before = s.getUpdatedAt();
        Thread.sleep(5);
        s.user = "unsaved change";

        s.touch();

        assertTrue(s.getUpdatedAt().isAfter(before));
        var stored = Session.find.byId(s.getId());
        assertEquals(s.getUpdatedAt(), stored.getUpdatedAt());
        assertEquals("ann", stored.user, "touch does not save other changes");
    }

    @Test
    void touchCanSetNamedDateTimeFields() {
        Session s = Session.find.create(x -> x.user = "bob");

        s.touch("seenAt");

        assertNotNull(s.seenAt);
        assertEquals(s.seenAt, Session.find.byId(s.getId()).seenAt);
    }

    @Test
    void touchingADeletedItemFailsWithRecordNotFound() {
        Session s = Session.find.create(x -> x.user = "gone");
        Session.find.delete(s.getId());

        assertThrows(RecordNotFoundException.class, s::touch);
    }

    @Test
    void touchingANewRecordIsRefused() {
        assertThrows(RecordNotFoundException.class, () -> new Session().touch());
    }
}
