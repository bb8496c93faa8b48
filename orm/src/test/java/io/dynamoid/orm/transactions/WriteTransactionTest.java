package io.dynamoid.orm.transactions;

import io.dynamoid.orm.Change;
import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.InvalidTransactionException;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.Transaction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of action of a write transaction, and how a transaction is run. */
class WriteTransactionTest extends TransactionTestBase {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void createPutsANewRecordWithGeneratedIdAndTimestamps() {
        User user = new User();
        user.name = "Josh";

        dynamoid().transaction(tx -> tx.create(user));

        assertNotNull(UUID.fromString(user.getId()));
        assertNotNull(user.getCreatedAt());
        assertTrue(user.isPersisted());
        assertFalse(user.isChanged());
        assertEquals("Josh", storedUser(user.getId()).get("name").s());
    }

    @Test
    void createOfAModelClassInitializesTheRecord() {
        User[] created = new User[1];

        dynamoid().transaction(tx -> created[0] = tx.create(User.class, u -> u.name = "Ann"));

        assertEquals("Ann", User.find.byId(created[0].getId()).name);
    }

    @Test
    void createOfAPersistedRecordIsRefused() {
        User user = savedUser("Josh");

        assertThrows(InvalidTransactionException.class, () -> dynamoid().transaction(tx -> tx.create(user)));
    }

    @Test
    void saveCreatesANewRecord() {
        User user = new User();
        user.name = "New";

        dynamoid().transaction(tx -> tx.save(user));

        assertTrue(user.isPersisted());
        assertEquals("New", storedUser(user.getId()).get("name").s());
    }

    @Test
    void saveWritesOnlyTheChangedAttributesOfAnExistingRecord() {
        User user = savedUser("Josh");
        client().updateItem(b -> b.tableName(dynamoid().tableName(User.class)).key(idKey(user.getId()))
                .updateExpression("SET age = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromN("99"))));
        user.name = "Joshua";

        dynamoid().transaction(tx -> tx.save(user));

        Map<String, AttributeValue> item = storedUser(user.getId());
        assertEquals("Joshua", item.get("name").s());
        assertEquals("99", item.get("age").n(), "an attribute the record did not change is not written");
        assertFalse(user.isChanged());
    }

    @Test
    void whatASaveWroteBecomesThePreviousChanges() {
        User user = savedUser("Josh");
        user.name = "Joshua";

        dynamoid().transaction(tx -> tx.save(user));

        assertEquals(new Change("Josh", "Joshua"), user.previousChanges().get("name"));
        assertFalse(user.previousChanges().containsKey("age"));
    }

    @Test
    void savingAnUnchangedRecordWritesNothing() throws InterruptedException {
        User user = savedUser("Josh");
        var updatedAt = user.getUpdatedAt();
        AttributeValue storedUpdatedAt = storedUser(user.getId()).get("updated_at");
        Thread.sleep(5);

        dynamoid().transaction(tx -> tx.save(user));

        assertEquals(updatedAt, user.getUpdatedAt());
        assertEquals(storedUpdatedAt, storedUser(user.getId()).get("updated_at"));
    }

    @Test
    void updateAttributesSetsAndSaves() {
        User user = savedUser("Josh");

        dynamoid().transaction(tx -> tx.updateAttributes(user, Map.of("age", 31)));

        assertEquals(31, user.age);
        assertEquals("31", storedUser(user.getId()).get("age").n());
    }

    @Test
    void updateAppliesTheChangesAndSaves() {
        User user = savedUser("Josh");

        dynamoid().transaction(tx -> tx.update(user, u -> u.name = "Joe"));

        assertEquals("Joe", storedUser(user.getId()).get("name").s());
    }

    @Test
    void updateFieldsWritesAnExistingItemByKey() {
        User user = savedUser("Josh");

        dynamoid().transaction(tx -> tx.updateFields(User.class, user.getId(), Map.of("age", 40)));

        Map<String, AttributeValue> item = storedUser(user.getId());
        assertEquals("40", item.get("age").n());
        assertEquals("Josh", item.get("name").s());
    }

    @Test
    void upsertCreatesAMissingItem() {
        String id = unique("upsert");

        dynamoid().transaction(tx -> tx.upsert(User.class, id, Map.of("name", "Made")));

        assertEquals("Made", storedUser(id).get("name").s());
    }

    @Test
    void incrementAddsToCountersAndCountsFromZero() {
        String name = unique("visits");

        dynamoid().transaction(tx -> tx.increment(Counter.class, name, "count", 3));
        dynamoid().transaction(tx -> tx.increment(Counter.class, name, Map.of("count", -1)));

        assertEquals("2", storedItem(Counter.class, Map.of("name", AttributeValue.fromS(name))).get("count").n());
    }

    @Test
    void deleteRemovesTheItemAndMarksTheRecordDestroyed() {
        User user = savedUser("Gone");

        dynamoid().transaction(tx -> tx.delete(user));

        assertNull(storedUser(user.getId()));
        assertTrue(user.isDestroyed());
    }

    @Test
    void deleteByKeyRemovesTheItem() {
        Post post = new Post();
        post.author = unique("author");
        post.number = 7;
        post.save();

        dynamoid().transaction(tx -> tx.delete(Post.class, Key.of(post.author, 7)));

        assertNull(storedItem(Post.class, Map.of("author", AttributeValue.fromS(post.author), "number", AttributeValue.fromN("7"))));
    }

    @Test
    void destroyRemovesTheItem() {
        User user = savedUser("Destroyed");

        dynamoid().transaction(tx -> tx.destroy(user));

        assertNull(storedUser(user.getId()));
        assertTrue(user.isDestroyed());
    }

    @Test
    void actionsOnSeveralModelsAreWrittenTogether() {
        User user = savedUser("Payer");
        Account account = savedAccount(unique("a") + "@example.com", 10);
        User newcomer = new User();
        newcomer.name = "Newcomer";

        dynamoid().transaction(tx -> {
            tx.create(newcomer);
            tx.updateAttributes(account, Map.of("balance", 20L));
            tx.delete(user);
        });

        assertNotNull(storedUser(newcomer.getId()));
        assertEquals("20", storedAccount(account.email).get("balance").n());
        assertNull(storedUser(user.getId()));
    }

    @Test
    void theBuilderFormSendsNothingUntilCommit() {
        User user = new User();
        user.name = "Later";
        Transaction tx = dynamoid().beginTransaction();
        tx.save(user);

        assertNull(storedUser(user.getId()), "collected, not sent");
        tx.commit();

        assertEquals("Later", storedUser(user.getId()).get("name").s());
    }

    @Test
    void theStaticFormRunsOnTheCurrentInstance() {
        User user = new User();
        user.name = "Static";

        Transaction.execute(tx -> tx.save(user));

        assertEquals("Static", storedUser(user.getId()).get("name").s());
    }

    @Test
    void aTransactionWithNothingToWriteSendsNothing() {
        User user = savedUser("Same");

        Transaction tx = dynamoid().beginTransaction();
        tx.save(user);
        tx.commit();

        assertTrue(user.isPersisted());
    }

    @Test
    void aRecordOfAnotherInstanceIsRefused() {
        Dynamoid other = orm.another(c -> c);
        User foreign = new User();
        foreign.name = "Elsewhere";
        try (var scope = other.makeCurrent()) {
            foreign.save();
        }

        InvalidTransactionException e = assertThrows(InvalidTransactionException.class,
                () -> dynamoid().transaction(tx -> tx.save(foreign)));

        assertEquals("Cannot save " + foreign + " in this transaction: the record belongs to another Dynamoid instance",
                e.getMessage());
    }

    @Test
    void aCommittedTransactionCannotBeReused() {
        Transaction tx = dynamoid().beginTransaction();
        tx.commit();

        InvalidTransactionException e = assertThrows(InvalidTransactionException.class, () -> tx.delete(User.class, "x"));
        assertEquals("This transaction was already committed", e.getMessage());
    }
}
