package io.dynamoid.orm.transactions;

import io.dynamoid.orm.InvalidTransactionException;
import io.dynamoid.orm.Transaction;
import io.dynamoid.orm.TransactionCanceledException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What happens when a transaction does not commit: canceled by DynamoDB, refused before sending, rolled back. */
class TransactionFailureTest extends TransactionTestBase {

    private static User newUser(String name) {
        User user = new User();
        user.name = name;
        return user;
    }

    @Test
    void aFailedConditionNamesTheActionAndWritesNothing() {
        User existing = savedUser("Josh");
        User newcomer = newUser("Newcomer");
        User duplicate = newUser("Impostor");
        duplicate.setId(existing.getId());

        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> dynamoid().transaction(tx -> {
            tx.create(newcomer);
            tx.create(duplicate);
        }));

        assertEquals("Transaction canceled, nothing was written: create User[" + existing.getId()
                + "] failed: its condition failed, an item with this key already exists", e.getMessage());
        assertEquals(1, e.reasons().size());
        assertEquals(new TransactionCanceledException.Reason(1, "create User[" + existing.getId() + "]", "ConditionalCheckFailed",
                "The conditional request failed"), e.reasons().get(0));
        assertInstanceOf(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class, e.getCause());
        assertEquals("Josh", storedUser(existing.getId()).get("name").s());
    }

    @Test
    void aCanceledTransactionLeavesNewRecordsNewWithoutGeneratedIdOrTimestamps() {
        User existing = savedUser("Josh");
        User newcomer = newUser("Newcomer");
        User duplicate = newUser("Impostor");
        duplicate.setId(existing.getId());

        assertThrows(TransactionCanceledException.class, () -> dynamoid().transaction(tx -> {
            tx.create(newcomer);
            tx.create(duplicate);
        }));

        assertTrue(newcomer.isNewRecord());
        assertNull(newcomer.getId());
        assertNull(newcomer.getCreatedAt());
        assertNull(newcomer.getUpdatedAt());
        assertEquals(existing.getId(), duplicate.getId(), "an id the application chose stays");
    }

    @Test
    void aCanceledTransactionLeavesExistingRecordsChangedButUnsaved() throws InterruptedException {
        User user = savedUser("Josh");
        var updatedAt = user.getUpdatedAt();
        Thread.sleep(5);
        user.name = "Joshua";

        assertThrows(TransactionCanceledException.class, () -> dynamoid().transaction(tx -> {
            tx.save(user);
            tx.updateFields(User.class, "no-such-user", Map.of("age", 1));
        }));

        assertEquals(updatedAt, user.getUpdatedAt());
        assertTrue(user.isChanged(), "the change is still to be saved");
        assertEquals("Josh", storedUser(user.getId()).get("name").s());
    }

    @Test
    void updateFieldsOfAMissingItemCancelsNamingIt() {
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> dynamoid().transaction(tx -> tx.updateFields(User.class, "no-such-user", Map.of("age", 1))));

        assertEquals("Transaction canceled, nothing was written: updateFields User[no-such-user] failed: its condition failed,"
                + " it does not exist", e.getMessage());
        assertNull(storedUser("no-such-user"), "updateFields never creates");
    }

    @Test
    void anUnmetConditionOfUpdateFieldsCancels() {
        User user = savedUser("Josh");

        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> dynamoid().transaction(
                tx -> tx.updateFields(User.class, user.getId(), Map.of("age", 50), Map.of("name", "Someone else"))));

        assertEquals(0, e.reasons().get(0).index());
        assertEquals("30", storedUser(user.getId()).get("age").n());
    }

    @Test
    void anExceptionInTheBlockSendsNothingAndPropagates() {
        User user = newUser("Never");
        IllegalStateException thrown = new IllegalStateException("changed my mind");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dynamoid().transaction(tx -> {
            tx.save(user);
            throw thrown;
        }));

        assertSame(thrown, e);
        assertTrue(user.isNewRecord());
        assertNull(user.getId());
    }

    @Test
    void rollingBackInTheBlockSendsNothingWithoutAnException() {
        User user = savedUser("Kept");
        user.name = "Discarded";

        dynamoid().transaction(tx -> {
            tx.save(user);
            tx.rollback();
        });

        assertEquals("Kept", storedUser(user.getId()).get("name").s());
    }

    @Test
    void aRolledBackTransactionCannotCommit() {
        Transaction tx = dynamoid().beginTransaction();
        tx.rollback();

        InvalidTransactionException e = assertThrows(InvalidTransactionException.class, tx::commit);
        assertEquals("This transaction was already rolled back", e.getMessage());
    }

    @Test
    void twoActionsOnTheSameItemAreRefusedBeforeSending() throws InterruptedException {
        User user = savedUser("Josh");
        var updatedAt = user.getUpdatedAt();
        Thread.sleep(5);
        user.name = "Joshua";

        InvalidTransactionException e = assertThrows(InvalidTransactionException.class, () -> dynamoid().transaction(tx -> {
            tx.save(user);
            tx.increment(User.class, user.getId(), "age", 1);
        }));

        // DynamoDB's own message for it: "Transaction request cannot include multiple operations on one item".
        assertEquals("Two actions of one transaction write the same item: save User[" + user.getId() + "] and increment User["
                + user.getId() + "] (DynamoDB allows one action per item: \"Transaction request cannot include multiple"
                + " operations on one item\")", e.getMessage());
        assertEquals("Josh", storedUser(user.getId()).get("name").s());
        assertEquals("30", storedUser(user.getId()).get("age").n());
        assertEquals(updatedAt, user.getUpdatedAt());
    }

    @Test
    void twoRecordsWithTheSameKeyAreTheSameItem() {
        Post first = new Post();
        first.author = "ann-" + UUID.randomUUID();
        first.number = 1;
        Post second = new Post();
        second.author = first.author;
        second.number = 1;

        assertThrows(InvalidTransactionException.class, () -> dynamoid().transaction(tx -> {
            tx.create(first);
            tx.create(second);
        }));
        assertTrue(first.isNewRecord());
    }

    @Test
    void moreThanAHundredActionsAreRefusedBeforeSending() {
        String prefix = "c-" + UUID.randomUUID() + "-";

        InvalidTransactionException e = assertThrows(InvalidTransactionException.class, () -> dynamoid().transaction(tx -> {
            for (int i = 0; i <= 100; i++) {
                tx.increment(Counter.class, prefix + i, "count", 1);
            }
        }));

        assertEquals("A transaction holds at most 100 actions; this one has 101", e.getMessage());
        assertNull(storedItem(Counter.class, Map.of("name", AttributeValue.fromS(prefix + 0))));
    }

    @Test
    void aHundredActionsAreAllowed() {
        String prefix = "c-" + UUID.randomUUID() + "-";

        dynamoid().transaction(tx -> {
            for (int i = 0; i < 100; i++) {
                tx.increment(Counter.class, prefix + i, "count", 1);
            }
        });

        var last = storedItem(Counter.class, Map.of("name", AttributeValue.fromS(prefix + 99)));
        assertEquals("1", last.get("count").n());
    }
}
