package io.dynamoid.orm.transactions;

import io.dynamoid.orm.DocumentNotValidException;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.Transaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Validation and callbacks in transactions: they run as each action is added, as in Dynamoid. */
class TransactionCallbacksTest extends TransactionTestBase {

    private static Audited audited(String name) {
        Audited record = new Audited();
        record.name = name;
        return record;
    }

    @Test
    void creatingRunsTheSaveAndCreateCallbacksWhenTheActionIsAdded() {
        Audited record = audited("new");
        Transaction tx = dynamoid().beginTransaction();

        tx.save(record);

        assertEquals(List.of("beforeSave", "beforeCreate", "afterCreate", "afterSave"), record.calls);
        assertNull(storedItem(Audited.class, idKey(record.getId())), "the after callbacks run before the commit");
        tx.commit();
    }

    @Test
    void updatingRunsTheSaveAndUpdateCallbacks() {
        Audited record = audited("old");
        record.save();
        record.calls.clear();
        record.name = "changed";

        dynamoid().transaction(tx -> tx.save(record));

        assertEquals(List.of("beforeSave", "beforeUpdate", "afterUpdate", "afterSave"), record.calls);
    }

    @Test
    void destroyRunsTheDestroyCallbacksAndDeleteNone() {
        Audited destroyed = audited("destroyed");
        Audited deleted = audited("deleted");
        destroyed.save();
        deleted.save();
        destroyed.calls.clear();
        deleted.calls.clear();

        dynamoid().transaction(tx -> {
            tx.destroy(destroyed);
            tx.delete(deleted);
        });

        assertEquals(List.of("beforeDestroy", "afterDestroy"), destroyed.calls);
        assertEquals(List.of(), deleted.calls);
    }

    /** Notes the id its create callbacks see. */
    public static class IdWatcher extends Model<IdWatcher> {
        final transient List<String> seen = new ArrayList<>();

        @Override
        protected void beforeCreate() {
            seen.add("before: " + getId());
        }

        @Override
        protected void afterCreate() {
            seen.add("after: " + (getId() != null));
        }
    }

    @Test
    void theIdIsGeneratedBetweenTheBeforeAndAfterCallbacks() {
        IdWatcher record = new IdWatcher();

        dynamoid().transaction(tx -> tx.create(record));

        assertEquals(List.of("before: null", "after: true"), record.seen);
    }

    @Test
    void anInvalidRecordAbortsTheTransactionBeforeAnythingIsSent() {
        Audited valid = audited("valid");
        Audited invalid = audited(null);

        DocumentNotValidException e = assertThrows(DocumentNotValidException.class, () -> dynamoid().transaction(tx -> {
            tx.save(valid);
            tx.save(invalid);
        }));

        assertEquals(List.of("name is missing"), e.errors());
        assertEquals(List.of(), invalid.calls, "no callback runs for an invalid record");
        assertNull(valid.getId(), "the valid record's generated id is taken back: nothing was sent");
    }
}
