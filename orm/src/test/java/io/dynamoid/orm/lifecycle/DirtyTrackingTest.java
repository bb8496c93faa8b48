package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.Change;
import io.dynamoid.orm.Field;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes, previous changes, original values, restore, in-place collection changes, partial writes. */
class DirtyTrackingTest extends OrmTestBase {

    public static class Profile extends Model<Profile> {
        public static final Finder<Profile> find = Finder.of(Profile.class);
        public String name;
        @Field(name = "mail")
        public String email;
        public int age;
        public List<String> tags;
        public Set<String> roles;
        public Map<String, Integer> scores;
    }

    private static Profile saved() {
        Profile profile = new Profile();
        profile.name = "Ann";
        profile.email = "ann@example.com";
        profile.age = 30;
        profile.tags = new ArrayList<>(List.of("a"));
        profile.roles = new HashSet<>(Set.of("reader"));
        profile.scores = new HashMap<>(Map.of("math", 1));
        return profile.saveOrThrow();
    }

    @Test
    void aNewRecordsChangesStartFromNull() {
        Profile profile = new Profile();
        profile.name = "Ann";

        assertEquals(new Change(null, "Ann"), profile.changes().get("name"));
        assertFalse(profile.changes().containsKey("mail"), "an unset field is no change");
    }

    @Test
    void changesGiveTheStoredAndTheCurrentJavaValues() {
        Profile profile = saved();
        profile.name = "Bob";
        profile.age = 31;

        assertEquals(Map.of("name", new Change("Ann", "Bob"), "age", new Change(30, 31)), profile.changes());
        assertEquals(List.of("name", "age"), List.copyOf(profile.changes().keySet()), "in field order");
    }

    @Test
    void anUnchangedRecordHasNoChanges() {
        Profile profile = Profile.find.byId(saved().getId());

        assertEquals(Map.of(), profile.changes());
        assertFalse(profile.isChanged());
    }

    @Test
    void attributeWasGivesTheStoredValueByAttributeOrJavaName() {
        Profile profile = saved();
        profile.email = "bob@example.com";

        assertEquals("ann@example.com", profile.attributeWas("email"));
        assertEquals("ann@example.com", profile.attributeWas("mail"));
        assertEquals("bob@example.com", profile.email);
    }

    @Test
    void attributeWasOfANewRecordIsNull() {
        Profile profile = new Profile();
        profile.name = "Ann";

        assertNull(profile.attributeWas("name"));
    }

    @Test
    void isChangedTellsOneAttribute() {
        Profile profile = saved();
        profile.email = "bob@example.com";

        assertTrue(profile.isChanged("email"));
        assertTrue(profile.isChanged("mail"));
        assertFalse(profile.isChanged("name"));
    }

    @Test
    void restoreAttributesRestoresEveryChangedField() {
        Profile profile = saved();
        profile.name = "Bob";
        profile.age = 99;
        profile.tags.add("b");

        profile.restoreAttributes();

        assertEquals("Ann", profile.name);
        assertEquals(30, profile.age);
        assertEquals(List.of("a"), profile.tags);
        assertFalse(profile.isChanged());
    }

    @Test
    void restoreAttributesWithNamesRestoresOnlyThose() {
        Profile profile = saved();
        profile.name = "Bob";
        profile.age = 99;

        profile.restoreAttributes("name");

        assertEquals("Ann", profile.name);
        assertEquals(99, profile.age);
        assertEquals(Set.of("age"), profile.changedAttributes());
    }

    @Test
    void aListMutatedInPlaceIsChangedAndSaved() {
        Profile profile = saved();

        profile.tags.add("b");

        assertEquals(new Change(List.of("a"), List.of("a", "b")), profile.changes().get("tags"));
        assertTrue(profile.save());
        assertEquals(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b")),
                storedItem(Profile.class, idKey(profile.getId())).get("tags").l());
    }

    @Test
    void aSetMutatedInPlaceIsChanged() {
        Profile profile = saved();

        profile.roles.add("writer");

        assertEquals(Set.of("roles"), profile.changedAttributes());
        assertEquals(Set.of("reader"), profile.attributeWas("roles"));
    }

    @Test
    void aMapMutatedInPlaceIsChanged() {
        Profile profile = saved();

        profile.scores.put("math", 2);

        assertEquals(new Change(Map.of("math", 1), Map.of("math", 2)), profile.changes().get("scores"));
    }

    @Test
    void previousChangesAreTheChangesOfTheLastSave() {
        Profile profile = saved();
        Instant created = profile.getUpdatedAt();
        profile.name = "Bob";

        profile.save();

        Map<String, Change> previous = profile.previousChanges();
        assertEquals(Set.of("name", "updated_at"), previous.keySet());
        assertEquals(new Change("Ann", "Bob"), previous.get("name"));
        assertEquals(created, previous.get("updated_at").before());
        assertInstanceOf(Instant.class, previous.get("updated_at").after());
        assertEquals(Map.of(), profile.changes());
    }

    @Test
    void previousChangesOfACreationStartFromNull() {
        Profile profile = saved();

        assertEquals(new Change(null, "Ann"), profile.previousChanges().get("name"));
        assertNotEquals(null, profile.previousChanges().get("id").after());
    }

    @Test
    void reloadClearsThePreviousChanges() {
        Profile profile = saved();

        profile.reload();

        assertEquals(Map.of(), profile.previousChanges());
    }

    @Test
    void saveWritesOnlyTheChangedAttributes() {
        Profile profile = saved();
        // another writer changes age behind this record's back
        client().updateItem(b -> b.tableName(dynamoid().tableName(Profile.class)).key(idKey(profile.getId()))
                .updateExpression("SET age = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("77"))));
        profile.name = "Bob";

        profile.save();

        Map<String, AttributeValue> stored = storedItem(Profile.class, idKey(profile.getId()));
        assertEquals("Bob", stored.get("name").s());
        assertEquals("77", stored.get("age").n(), "age was not written, so the other writer's value stays");
    }

    @Test
    void savingAnUnchangedRecordWritesNothing() {
        Profile profile = saved();
        client().updateItem(b -> b.tableName(dynamoid().tableName(Profile.class)).key(idKey(profile.getId()))
                .updateExpression("SET age = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("77"))));
        Map<String, AttributeValue> before = storedItem(Profile.class, idKey(profile.getId()));

        assertTrue(profile.save());

        assertEquals(before, storedItem(Profile.class, idKey(profile.getId())));
        assertEquals(Map.of(), profile.previousChanges());
    }
}
