package io.dynamoid.orm.transactions;

import io.dynamoid.orm.DocumentNotValidException;
import io.dynamoid.orm.AroundSave;
import io.dynamoid.orm.BeforeSave;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.Proceed;
import io.dynamoid.orm.RecordNotSavedException;
import io.dynamoid.orm.Transaction;
import io.dynamoid.orm.TransactionCanceledException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validation and callbacks in transactions: save, create, update and destroy callbacks run as each action is
 * added, as in Dynamoid; after_commit / after_rollback once the transaction ended.
 */
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
        assertEquals("afterCommit", record.calls.get(4));
    }

    @Test
    void updatingRunsTheSaveAndUpdateCallbacks() {
        Audited record = audited("old");
        record.save();
        record.calls.clear();
        record.name = "changed";

        dynamoid().transaction(tx -> tx.save(record));

        assertEquals(List.of("beforeSave", "beforeUpdate", "afterUpdate", "afterSave", "afterCommit"), record.calls);
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

        assertEquals(List.of("beforeDestroy", "afterDestroy", "afterCommit"), destroyed.calls);
        assertEquals(List.of("afterCommit"), deleted.calls, "delete skips the destroy callbacks, not after_commit");
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
        assertEquals(List.of("beforeSave", "beforeCreate", "afterCreate", "afterSave", "afterRollback"), valid.calls);
    }

    @Test
    void saveWithoutValidationWritesAnInvalidRecordWithItsCallbacks() {
        Audited invalid = audited(null);

        dynamoid().transaction(tx -> tx.saveWithoutValidation(invalid));

        assertTrue(invalid.isPersisted());
        assertEquals(List.of("beforeSave", "beforeCreate", "afterCreate", "afterSave", "afterCommit"), invalid.calls);
    }

    @Test
    void afterCommitRunsOnEveryRecordOnceTheTransactionSucceeded() {
        Audited first = audited("first");
        Audited second = audited("second");
        List<String> seenInTheBlock = new ArrayList<>();

        dynamoid().transaction(tx -> {
            tx.create(first);
            tx.create(second);
            seenInTheBlock.addAll(first.calls);
        });

        assertFalse(seenInTheBlock.contains("afterCommit"));
        assertEquals("afterCommit", first.calls.get(first.calls.size() - 1));
        assertEquals("afterCommit", second.calls.get(second.calls.size() - 1));
    }

    @Test
    void afterRollbackRunsWhenDynamoDbCancelsTheTransaction() {
        Audited existing = audited("existing");
        existing.save();
        Audited duplicate = audited("duplicate");
        duplicate.setId(existing.getId());
        Audited other = audited("other");

        assertThrows(TransactionCanceledException.class, () -> dynamoid().transaction(tx -> {
            tx.create(other);
            tx.create(duplicate);
        }));

        assertEquals("afterRollback", other.calls.get(other.calls.size() - 1));
        assertEquals("afterRollback", duplicate.calls.get(duplicate.calls.size() - 1));
        assertFalse(other.calls.contains("afterCommit"));
    }

    @Test
    void afterRollbackRunsWhenTheBlockThrows() {
        Audited record = audited("never");

        assertThrows(IllegalStateException.class, () -> dynamoid().transaction(tx -> {
            tx.save(record);
            throw new IllegalStateException("abort");
        }));

        assertEquals("afterRollback", record.calls.get(record.calls.size() - 1));
        assertTrue(record.isNewRecord());
    }

    /** Its save callbacks wrap the action (around) or refuse it (a before callback answering false). */
    public static class Guarded extends Model<Guarded> {
        public boolean allowed = true;
        final transient List<String> calls = new ArrayList<>();

        @BeforeSave
        boolean checkAllowed() {
            return allowed;
        }

        @AroundSave
        void aroundSave(Proceed proceed) {
            calls.add("around:begin");
            proceed.proceed();
            calls.add("around:end id=" + (getId() != null));
        }
    }

    @Test
    void aroundCallbacksWrapTheCollectedAction() {
        Guarded record = new Guarded();

        dynamoid().transaction(tx -> tx.save(record));

        assertEquals(List.of("around:begin", "around:end id=true"), record.calls);
    }

    @Test
    void aHaltingCallbackAbortsTheTransaction() {
        Audited other = audited("other");
        Guarded refused = new Guarded();
        refused.allowed = false;

        RecordNotSavedException e = assertThrows(RecordNotSavedException.class, () -> dynamoid().transaction(tx -> {
            tx.save(other);
            tx.save(refused);
        }));

        assertEquals("A callback halted the save of Guarded[null] in a transaction", e.getMessage());
        assertEquals(List.of(), refused.calls);
        assertTrue(other.isNewRecord(), "nothing was sent");
    }
}
