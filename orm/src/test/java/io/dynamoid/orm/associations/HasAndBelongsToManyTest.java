package io.dynamoid.orm.associations;

import io.dynamoid.orm.Key;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Set;

import static io.dynamoid.orm.associations.HasManyTest.ids;
import static io.dynamoid.orm.associations.HasManyTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HasAndBelongsToManyTest extends OrmTestBase {

    @Test
    void addStoresKeysOnBothSides() {
        User josh = user("Josh");
        User jane = user("Jane");

        josh.friends.add(jane);

        assertEquals(AttributeValue.fromSs(List.of(jane.getId())), storedItem(User.class, idKey(josh.getId())).get("friends_ids"));
        assertEquals(AttributeValue.fromSs(List.of(josh.getId())), storedItem(User.class, idKey(jane.getId())).get("friends_ids"));
    }

    @Test
    void bothSidesKeepSeveralTargets() {
        User josh = user("Josh");
        User jane = user("Jane");
        User bob = user("Bob");

        josh.friends.addAll(List.of(jane, bob));
        jane.friends.add(bob);

        assertEquals(ids(List.of(jane, bob)), ids(josh.friends.all()));
        assertEquals(ids(List.of(josh, jane)), ids(bob.reload().friends.all()));
    }

    @Test
    void removeUnlinksBothSides() {
        User josh = user("Josh");
        User jane = user("Jane");
        josh.friends.add(jane);

        jane.friends.remove(josh);

        assertTrue(josh.reload().friends.isEmpty());
        assertTrue(jane.friends.isEmpty());
    }

    @Test
    void setReplacesTheFriendsOnBothSides() {
        User josh = user("Josh");
        User jane = user("Jane");
        User bob = user("Bob");
        josh.friends.add(jane);

        josh.friends.set(List.of(bob));

        assertTrue(jane.reload().friends.isEmpty());
        assertEquals(Set.of(Key.of(josh.getId())), bob.reload().friends.keys());
        assertEquals(Set.of(Key.of(bob.getId())), josh.reload().friends.keys());
    }

    @Test
    void createLinksANewRecordOnBothSides() {
        User josh = user("Josh");

        User jane = josh.friends.create(u -> u.name = "Jane");

        assertEquals(Set.of(Key.of(josh.getId())), User.find.byId(jane.getId()).friends.keys());
    }

    @Test
    void destroyingARecordUnlinksItFromEveryFriend() {
        User josh = user("Josh");
        User jane = user("Jane");
        User bob = user("Bob");
        josh.friends.addAll(List.of(jane, bob));

        josh.destroy();

        assertTrue(jane.reload().friends.isEmpty());
        assertTrue(bob.reload().friends.isEmpty());
    }

    @Test
    void deleteAllDeletesTheFriendsAndUnlinksThem() {
        User josh = user("Josh");
        User jane = user("Jane");
        User bob = user("Bob");
        josh.friends.add(jane);
        jane.friends.add(bob);

        josh.friends.deleteAll();

        assertTrue(josh.reload().friends.isEmpty());
        assertTrue(bob.reload().friends.isEmpty());
        assertTrue(User.find.findById(jane.getId()).isEmpty());
    }
}
