package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.AfterCommit;
import io.dynamoid.orm.AfterFind;
import io.dynamoid.orm.AfterInitialize;
import io.dynamoid.orm.AfterRollback;
import io.dynamoid.orm.AfterTouch;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.internal.lifecycle.Callback;
import io.dynamoid.orm.internal.lifecycle.Callbacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Callbacks of single moments: after initialize, find, touch, commit and rollback. */
class MomentCallbacksTest extends OrmTestBase {

    public static class Ticket extends Model<Ticket> {
        public static final Finder<Ticket> find = Finder.of(Ticket.class);
        public String subject;
        transient List<String> calls = new ArrayList<>();

        @AfterInitialize
        void initialized() {
            calls.add("after_initialize");
        }

        @AfterFind
        void found() {
            calls.add("after_find");
        }

        @AfterTouch
        void touched() {
            calls.add("after_touch");
        }

        @AfterCommit
        void committed() {
            calls.add("after_commit");
        }

        @AfterRollback
        void rolledBack() {
            calls.add("after_rollback");
        }

        @Override
        protected void afterCommit() {
            calls.add("hook:afterCommit");
        }
    }

    private static Ticket saved(String subject) {
        Ticket ticket = new Ticket();
        ticket.subject = subject;
        return ticket.saveOrThrow();
    }

    @Test
    void aNewInstanceFromAFinderRunsAfterInitialize() {
        Ticket ticket = Ticket.find.newInstance();

        assertEquals(List.of("after_initialize"), ticket.calls);
    }

    @Test
    void aLoadedRecordRunsAfterFindThenAfterInitialize() {
        Ticket ticket = saved("load me");

        Ticket found = Ticket.find.byId(ticket.getId());

        assertEquals(List.of("after_find", "after_initialize"), found.calls);
    }

    @Test
    void recordsLoadedByAQueryRunAfterFind() {
        Ticket ticket = saved("by query");

        Ticket found = Ticket.find.where("subject", "by query").first().orElseThrow();

        assertEquals(ticket.getId(), found.getId());
        assertEquals(List.of("after_find", "after_initialize"), found.calls);
    }

    @Test
    void touchRunsAfterTouch() {
        Ticket ticket = saved("touch me");
        ticket.calls.clear();

        ticket.touch();

        assertEquals(List.of("after_touch"), ticket.calls);
    }

    @Test
    void commitCallbacksRunTheHookThenTheAnnotatedMethods() {
        Ticket ticket = new Ticket();

        Callbacks.fire(ticket, Callback.AFTER_COMMIT);
        Callbacks.fire(ticket, Callback.AFTER_ROLLBACK);

        assertEquals(List.of("hook:afterCommit", "after_commit", "after_rollback"), ticket.calls);
    }

    @Test
    void anEventWrappingAnActionCannotBeFiredAlone() {
        assertThrows(IllegalArgumentException.class, () -> Callbacks.fire(new Ticket(), Callback.SAVE));
    }
}
