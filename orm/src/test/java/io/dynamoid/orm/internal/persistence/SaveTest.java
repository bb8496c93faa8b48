package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DocumentNotValidException;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.ImmutableKeyException;
import io.dynamoid.orm.LockVersion;
import io.dynamoid.orm.MissingHashKeyException;
import io.dynamoid.orm.MissingRangeKeyException;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RangeKey;
import io.dynamoid.orm.RecordNotFoundException;
import io.dynamoid.orm.RecordNotUniqueException;
import io.dynamoid.orm.StaleObjectException;
import io.dynamoid.orm.TableNotFoundException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaveTest extends OrmTestBase {

    public static class User extends Model<User> {
        public static final Finder<User> find = Finder.of(User.class);
        public String name;
        public String email;
        public Integer age;
    }

    public static class Account extends Model<Account> {
        @HashKey
        public String email;
        public String plan;
    }

    public static class Order extends Model<Order> {
        public static final Finder<Order> find = Finder.of(Order.class);
        @HashKey
        public long number;
        public String item;
    }

    public static class Post extends Model<Post> {
        @HashKey
        public String author;
        @RangeKey
        public Long number;
        public String title;
    }

    public static class Document extends Model<Document> {
        public static final Finder<Document> find = Finder.of(Document.class);
        public String body;
        @LockVersion
        public long lockVersion;
    }

    public static class Signup extends Model<Signup> {
        public String email;
        final transient List<String> calls = new ArrayList<>();

        @Override
        protected void validate(List<String> errors) {
            if (email == null || !email.contains("@")) {
                errors.add("email is invalid");
            }
        }

        @Override
        protected void beforeSave() {
            calls.add("beforeSave");
        }

        @Override
        protected void beforeCreate() {
            calls.add("beforeCreate");
        }

        @Override
        protected void afterCreate() {
            calls.add("afterCreate");
        }

        @Override
        protected void beforeUpdate() {
            calls.add("beforeUpdate");
        }

        @Override
        protected void afterUpdate() {
            calls.add("afterUpdate");
        }

        @Override
        protected void afterSave() {
            calls.add("afterSave");
        }
    }

    private static User savedUser() {
        User user = new User();
        user.name = "Josh";
        user.email = "josh@example.com";
        user.age = 30;
        return user.saveOrThrow();
    }

    @Test
    void savingANewRecordGeneratesAUuidIdAndStoresItsAttributes() {
        User user = savedUser();

        assertNotNull(UUID.fromString(user.getId()));
        Map<String, AttributeValue> item = storedItem(User.class, idKey(user.getId()));
        assertEquals("Josh", item.get("name").s());
        assertEquals("30", item.get("age").n());
        assertTrue(user.isPersisted());
        assertFalse(user.isNewRecord());
    }

    @Test
    void savingANewRecordSetsCreatedAtAndUpdatedAt() {
        User user = savedUser();

        assertNotNull(user.getCreatedAt());
        assertEquals(user.getCreatedAt(), user.getUpdatedAt());
        Map<String, AttributeValue> item = storedItem(User.class, idKey(user.getId()));
        assertNotNull(item.get("created_at").n());
        assertNotNull(item.get("updated_at").n());
    }

    @Test
    void nullFieldsAreNotStored() {
        User user = new User();
        user.name = "Anonymous";
        user.save();

        Map<String, AttributeValue> item = storedItem(User.class, idKey(user.getId()));
        assertFalse(item.containsKey("email"));
        assertFalse(item.containsKey("age"));
    }

    @Test
    void savingANewRecordNeverOverwritesAnExistingItem() {
        User first = savedUser();
        User second = new User();
        second.setId(first.getId());
        second.name = "Impostor";

        assertThrows(RecordNotUniqueException.class, second::save);
        assertEquals("Josh", storedItem(User.class, idKey(first.getId())).get("name").s());
    }

    @Test
    void savingAnExistingRecordSendsOnlyTheChangedAttributes() {
        User user = savedUser();
        // Someone else changes the email behind this record's back...
        client().updateItem(b -> b.tableName(dynamoid().tableName(User.class)).key(idKey(user.getId()))
                .updateExpression("SET email = :e").expressionAttributeValues(Map.of(":e", AttributeValue.fromS("new@example.com"))));

        user.name = "Joshua";
        user.save();

        // ...and only the name was written: the other change survives.
        Map<String, AttributeValue> item = storedItem(User.class, idKey(user.getId()));
        assertEquals("Joshua", item.get("name").s());
        assertEquals("new@example.com", item.get("email").s());
    }

    @Test
    void settingAFieldToNullRemovesTheAttribute() {
        User user = savedUser();
        user.email = null;
        user.save();

        assertFalse(storedItem(User.class, idKey(user.getId())).containsKey("email"));
    }

    @Test
    void savingAnUnchangedRecordWritesNothing() throws InterruptedException {
        User user = savedUser();
        var updatedAt = user.getUpdatedAt();
        Thread.sleep(5);

        user.save();

        assertEquals(updatedAt, user.getUpdatedAt());
        assertFalse(user.isChanged());
    }

    @Test
    void savingAChangeMovesUpdatedAtButNotCreatedAt() throws InterruptedException {
        User user = savedUser();
        var createdAt = user.getCreatedAt();
        Thread.sleep(5);

        user.age = 31;
        user.save();

        assertEquals(createdAt, user.getCreatedAt());
        assertTrue(user.getUpdatedAt().isAfter(createdAt));
    }

    @Test
    void changedAttributesListsWhatDiffersFromTheStoredItem() {
        User user = savedUser();
        user.age = 40;
        user.email = null;

        assertEquals(java.util.Set.of("age", "email"), user.changedAttributes());
    }

    @Test
    void savingARecordDeletedMeanwhileFailsWithRecordNotFound() {
        User user = savedUser();
        client().deleteItem(b -> b.tableName(dynamoid().tableName(User.class)).key(idKey(user.getId())));

        user.name = "Ghost";
        assertThrows(RecordNotFoundException.class, user::save);
        assertNull(storedItem(User.class, idKey(user.getId())), "the update must not recreate the item");
    }

    @Test
    void aCustomHashKeyIsUsedInsteadOfAnId() {
        Account account = new Account();
        account.email = "a@example.com";
        account.plan = "free";
        account.save();

        Map<String, AttributeValue> item = storedItem(Account.class, Map.of("email", AttributeValue.fromS("a@example.com")));
        assertEquals("free", item.get("plan").s());
        assertFalse(item.containsKey("id"));
        assertNull(account.getId());
    }

    @Test
    void aNumericHashKeyIsStoredAsANumber() {
        Order order = new Order();
        order.number = 1001;
        order.item = "book";
        order.save();

        assertEquals("book", storedItem(Order.class, Map.of("number", AttributeValue.fromN("1001"))).get("item").s());
        assertEquals("book", Order.find.byId(1001L).item);
        assertEquals("book", Order.find.byId(1001).item, "an int finds a long key");
    }

    @Test
    void aKeyValueOfTheWrongTypeIsRefused() {
        assertThrows(io.dynamoid.orm.InvalidValueException.class, () -> Order.find.byId("1001"));
    }

    @Test
    void aMissingCustomHashKeyIsRefusedBeforeAnyRequest() {
        Account account = new Account();
        account.plan = "free";

        assertThrows(MissingHashKeyException.class, account::save);
    }

    @Test
    void aMissingRangeKeyIsRefused() {
        Post post = new Post();
        post.author = "josh";

        assertThrows(MissingRangeKeyException.class, post::save);
    }

    @Test
    void aCompositeKeyRecordIsStoredUnderBothKeys() {
        Post post = new Post();
        post.author = "josh";
        post.number = 7L;
        post.title = "Hello";
        post.save();

        Map<String, AttributeValue> item = storedItem(Post.class,
                Map.of("author", AttributeValue.fromS("josh"), "number", AttributeValue.fromN("7")));
        assertEquals("Hello", item.get("title").s());
    }

    @Test
    void changingTheKeyOfAPersistedRecordIsRefused() {
        Account account = new Account();
        account.email = "key@example.com";
        account.save();

        account.email = "other@example.com";
        assertThrows(ImmutableKeyException.class, account::save);
    }

    @Test
    void anInvalidRecordIsNotSaved() {
        Signup signup = new Signup();
        signup.email = "not-an-email";

        DocumentNotValidException e = assertThrows(DocumentNotValidException.class, signup::saveOrThrow);
        assertEquals(List.of("email is invalid"), e.errors());
        assertTrue(signup.isNewRecord());
        assertFalse(signup.isValid());
    }

    @Test
    void hooksRunAroundCreateAndUpdateInOrder() {
        Signup signup = new Signup();
        signup.email = "a@b.c";
        signup.save();
        signup.email = "d@e.f";
        signup.save();

        assertEquals(List.of("beforeSave", "beforeCreate", "afterCreate", "afterSave",
                "beforeSave", "beforeUpdate", "afterUpdate", "afterSave"), signup.calls);
    }

    @Test
    void updateAttributeSkipsValidation() {
        Signup signup = new Signup();
        signup.email = "a@b.c";
        signup.save();

        signup.updateAttribute("email", "invalid");

        assertEquals("invalid", storedItem(Signup.class, idKey(signup.getId())).get("email").s());
    }

    @Test
    void updateAttributesAssignsByNameAndSaves() {
        User user = savedUser();

        user.updateAttributes(Map.of("name", "Jo", "age", 5));

        Map<String, AttributeValue> item = storedItem(User.class, idKey(user.getId()));
        assertEquals("Jo", item.get("name").s());
        assertEquals("5", item.get("age").n());
    }

    @Test
    void updateAttributesRefusesAnUnknownName() {
        User user = savedUser();

        assertThrows(io.dynamoid.orm.UnknownAttributeException.class, () -> user.updateAttributes(Map.of("nickname", "J")));
    }

    @Test
    void assigningAValueOfTheWrongTypeIsRefused() {
        User user = savedUser();

        assertThrows(io.dynamoid.orm.InvalidValueException.class, () -> user.assignAttributes(Map.of("name", 5)));
    }

    @Test
    void updateWithALambdaSavesTheChange() {
        User user = savedUser();

        user.update(u -> u.age = 99);

        assertEquals("99", storedItem(User.class, idKey(user.getId())).get("age").n());
    }

    @Test
    void optimisticLockingCountsVersionsFromOne() {
        Document doc = new Document();
        doc.body = "v1";
        doc.save();
        assertEquals(1, doc.lockVersion);

        doc.body = "v2";
        doc.save();
        assertEquals(2, doc.lockVersion);
        assertEquals("2", storedItem(Document.class, idKey(doc.getId())).get("lockVersion").n());
    }

    @Test
    void savingAStaleRecordFailsWithStaleObject() {
        Document doc = new Document();
        doc.body = "v1";
        doc.save();
        Document other = Document.find.byId(doc.getId());
        other.body = "theirs";
        other.save();

        doc.body = "mine";
        assertThrows(StaleObjectException.class, doc::save);
        assertEquals("theirs", storedItem(Document.class, idKey(doc.getId())).get("body").s());
        assertEquals(1, doc.lockVersion, "the failed save leaves the version as read");
    }

    @Test
    void theTableIsCreatedOnFirstSave() {
        Dynamoid fresh = orm.another(c -> c);
        try (var scope = fresh.makeCurrent()) {
            assertFalse(fresh.namespaceTables().contains(fresh.tableName(User.class)));
            savedUser();
            assertTrue(fresh.namespaceTables().contains(fresh.tableName(User.class)));
        }
    }

    @Test
    void withoutCreateTableOnSaveAMissingTableIsAnError() {
        Dynamoid strict = orm.another(c -> c.createTableOnSave(false));
        try (var scope = strict.makeCurrent()) {
            TableNotFoundException e = assertThrows(TableNotFoundException.class, SaveTest::savedUser);
            assertNotNull(e.getCause(), "the SDK's exception is chained");
        }
    }

    @Test
    void storeAttributeWithNullValueStoresNulls() {
        Dynamoid nulls = orm.another(c -> c.storeAttributeWithNullValue(true));
        try (var scope = nulls.makeCurrent()) {
            User user = new User();
            user.name = "n";
            user.save();

            var item = nulls.client().getItem(b -> b.tableName(nulls.tableName(User.class)).key(idKey(user.getId()))).item();
            assertEquals(Boolean.TRUE, item.get("email").nul());
        }
    }

    @Test
    void timestampsCanBeTurnedOff() {
        Dynamoid plain = orm.another(c -> c.timestamps(false));
        try (var scope = plain.makeCurrent()) {
            User user = savedUser();

            var item = plain.client().getItem(b -> b.tableName(plain.tableName(User.class)).key(idKey(user.getId()))).item();
            assertFalse(item.containsKey("created_at"));
            assertNull(user.getCreatedAt());
            assertNotEquals(null, item.get("name"));
        }
    }
}
