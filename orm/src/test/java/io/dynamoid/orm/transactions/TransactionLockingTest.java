package io.dynamoid.orm.transactions;

import io.dynamoid.orm.TransactionCanceledException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Optimistic locking in transactions: the lock version is set, checked and advanced as by save and delete. */
class TransactionLockingTest extends TransactionTestBase {

    private static String email() {
        return UUID.randomUUID() + "@example.com";
    }

    @Test
    void createSetsTheFirstLockVersion() {
        Account account = new Account();
        account.email = email();

        dynamoid().transaction(tx -> tx.create(account));

        assertEquals(1, account.lockVersion);
        assertEquals("1", storedAccount(account.email).get("lockVersion").n());
    }

    @Test
    void saveAdvancesTheLockVersion() {
        Account account = savedAccount(email(), 10);
        account.balance = 5;

        dynamoid().transaction(tx -> tx.save(account));

        assertEquals(2, account.lockVersion);
        assertEquals("2", storedAccount(account.email).get("lockVersion").n());
    }

    @Test
    void savingAStaleRecordCancelsNamingItAndKeepsItsVersion() {
        Account stale = savedAccount(email(), 10);
        Account other = Account.find.byId(stale.email);
        other.balance = 99;
        other.save();
        stale.balance = 0;

        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> dynamoid().transaction(tx -> tx.save(stale)));

        assertEquals("Transaction canceled, nothing was written: save Account[" + stale.email + "] failed: its condition failed,"
                + " it is stale: its lock version changed or it was deleted", e.getMessage());
        assertEquals(1, stale.lockVersion, "the failed save leaves the version as read");
        assertEquals("99", storedAccount(stale.email).get("balance").n());
    }

    @Test
    void deletingAStaleRecordCancels() {
        Account stale = savedAccount(email(), 10);
        Account other = Account.find.byId(stale.email);
        other.balance = 99;
        other.save();

        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> dynamoid().transaction(tx -> tx.delete(stale)));

        assertEquals("Transaction canceled, nothing was written: delete Account[" + stale.email + "] failed: its condition failed,"
                + " it is stale: its lock version changed", e.getMessage());
        assertFalse(stale.isDestroyed());
        assertEquals("99", storedAccount(stale.email).get("balance").n());
    }

    @Test
    void deletingAnUnchangedRecordChecksItsVersion() {
        Account account = savedAccount(email(), 10);

        dynamoid().transaction(tx -> tx.destroy(account));

        assertEquals(null, storedAccount(account.email));
    }
}
