package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.UnknownAttributeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateFieldsTest extends OrmTestBase {

    public static class User extends Model<User> {
        public static final Finder<User> find = Finder.of(User.class);
        public String name;
        public String status;
        public Integer age;

        @Override
        protected void beforeSave() {
            throw new AssertionError("updateFields and upsert run no hooks");
        }
    }

    private static User stored(String name, String status) {
        User u = new User();
        u.setId(java.util.UUID.randomUUID().toString());
        u.name = name;
        u.status = status;
        User.find.importAll(java.util.List.of(u));
        return u;
    }

    @Test
    void updateFieldsChangesTheGivenAttributesAndReturnsTheRecord() {
        User u = stored("Ann", "active");

        User updated = User.find.updateFields(u.getId(), Map.of("age", 42)).orElseThrow();

        assertEquals(42, updated.age);
        assertEquals("Ann", updated.name);
        assertEquals("42", storedItem(User.class, idKey(u.getId())).get("age").n());
    }

    @Test
    void updateFieldsSetsUpdatedAt() {
        User u = stored("Ann", "active");

        User updated = User.find.updateFields(u.getId(), Map.of("age", 1)).orElseThrow();

        assertTrue(updated.getUpdatedAt().isAfter(u.getUpdatedAt()) || updated.getUpdatedAt().equals(u.getUpdatedAt()));
        assertTrue(storedItem(User.class, idKey(u.getId())).containsKey("updated_at"));
    }

    @Test
    void updateFieldsOfAMissingItemIsEmptyAndCreatesNothing() {
        stored("Someone", "x"); // the table exists

        Optional<User> result = User.find.updateFields("missing-id", Map.of("name", "x"));

        assertTrue(result.isEmpty());
        assertNull(storedItem(User.class, idKey("missing-id")));
    }

    @Test
    void updateFieldsWithANullValueRemovesTheAttribute() {
        User u = stored("Ann", "active");
        Map<String, Object> changes = new HashMap<>();
        changes.put("status", null);

        User.find.updateFields(u.getId(), changes);

        assertFalse(storedItem(User.class, idKey(u.getId())).containsKey("status"));
    }

    @Test
    void updateFieldsAppliesOnlyWhenTheConditionsHold() {
        User u = stored("Ann", "active");

        assertTrue(User.find.updateFields(u.getId(), Map.of("name", "Bea"), Map.of("status", "banned")).isEmpty());
        assertEquals("Ann", storedItem(User.class, idKey(u.getId())).get("name").s());

        assertTrue(User.find.updateFields(u.getId(), Map.of("name", "Cid"), Map.of("status", "active")).isPresent());
        assertEquals("Cid", storedItem(User.class, idKey(u.getId())).get("name").s());
    }

    @Test
    void updateFieldsRefusesAnUnknownAttribute() {
        User u = stored("Ann", "active");

        assertThrows(UnknownAttributeException.class, () -> User.find.updateFields(u.getId(), Map.of("nickname", "A")));
    }

    @Test
    void updateFieldsWithNothingToUpdateIsRefused() {
        var plain = orm.another(c -> c.timestamps(false));

        assertThrows(io.dynamoid.orm.InvalidValueException.class, () -> User.find.on(plain).updateFields("any", Map.of()));
    }

    @Test
    void upsertCreatesAMissingItem() {
        stored("Someone", "x");

        User created = User.find.upsert("new-id", Map.of("name", "Neo")).orElseThrow();

        assertEquals("new-id", created.getId());
        assertEquals("Neo", storedItem(User.class, idKey("new-id")).get("name").s());
    }

    @Test
    void upsertUpdatesAnExistingItem() {
        User u = stored("Ann", "active");

        User.find.upsert(u.getId(), Map.of("status", "away"));

        Map<String, AttributeValue> item = storedItem(User.class, idKey(u.getId()));
        assertEquals("away", item.get("status").s());
        assertEquals("Ann", item.get("name").s());
    }

    @Test
    void upsertWithAFailingConditionIsEmpty() {
        User u = stored("Ann", "active");

        assertTrue(User.find.upsert(u.getId(), Map.of("name", "Z"), Map.of("status", "gone")).isEmpty());
        assertEquals("Ann", storedItem(User.class, idKey(u.getId())).get("name").s());
    }

    @Test
    void classLevelUpdateFindsAssignsAndSaves() {
        User u = stored("Ann", "active");

        assertThrows(AssertionError.class, () -> User.find.update(u.getId(), Map.of("name", "Hooked")),
                "update runs the hooks (unlike updateFields)");
    }
}
