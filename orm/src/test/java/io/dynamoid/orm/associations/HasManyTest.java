package io.dynamoid.orm.associations;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.internal.meta.FieldMeta;
import io.dynamoid.orm.internal.meta.ModelMeta;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HasManyTest extends OrmTestBase {

    static User user(String name) {
        User user = new User();
        user.name = name;
        user.save();
        return user;
    }

    static Address address(String city) {
        Address address = new Address();
        address.city = city;
        address.save();
        return address;
    }

    static List<String> ids(List<? extends io.dynamoid.orm.Model<?>> records) {
        return records.stream().map(r -> (String) r.hashKey()).sorted().toList();
    }

    @Test
    void addStoresTheTargetKeyOnTheOwnerAsAStringSet() {
        User josh = user("Josh");
        Address home = address("Chicago");

        josh.addresses.add(home);

        assertEquals(AttributeValue.fromSs(List.of(home.getId())), storedItem(User.class, idKey(josh.getId())).get("addresses_ids"));
        assertEquals(Set.of(Key.of(home.getId())), josh.addresses.keys());
    }

    @Test
    void addSetsTheInverseBelongsToAndSavesIt() {
        User josh = user("Josh");
        Address home = address("Chicago");

        josh.addresses.add(home);

        assertEquals(AttributeValue.fromSs(List.of(josh.getId())), storedItem(Address.class, idKey(home.getId())).get("user_ids"));
        assertEquals(josh.getId(), home.user.get().orElseThrow().getId());
    }

    @Test
    void addSavesNewRecordsOnBothSidesFirst() {
        User josh = new User();
        josh.name = "Josh";
        Address home = new Address();
        home.city = "Chicago";

        josh.addresses.add(home);

        assertTrue(josh.isPersisted());
        assertTrue(home.isPersisted());
        assertEquals(List.of(home.getId()), ids(User.find.byId(josh.getId()).addresses.all()));
    }

    @Test
    void addingToAnotherOwnerTakesTheRecordFromThePreviousOne() {
        User first = user("First");
        User second = user("Second");
        Address home = address("Chicago");
        first.addresses.add(home);

        second.addresses.add(home);

        assertTrue(first.reload().addresses.isEmpty());
        assertNull(storedItem(User.class, idKey(first.getId())).get("addresses_ids"));
        assertEquals(List.of(home.getId()), ids(second.addresses.all()));
        assertEquals(Set.of(Key.of(second.getId())), Address.find.byId(home.getId()).user.keys());
    }

    @Test
    void removeUnlinksBothSidesWithoutDeletingTheRecord() {
        User josh = user("Josh");
        Address home = address("Chicago");
        Address work = address("Boston");
        josh.addresses.addAll(List.of(home, work));

        josh.addresses.remove(home);

        assertEquals(List.of(work.getId()), ids(josh.reload().addresses.all()));
        assertFalse(home.user.isPresent());
        assertNull(storedItem(Address.class, idKey(home.getId())).get("user_ids"));
        assertTrue(Address.find.exists(home.getId()));
    }

    @Test
    void createBuildsSavesAndLinksARecord() {
        User josh = user("Josh");

        Address home = josh.addresses.create(a -> a.city = "Chicago");

        assertTrue(home.isPersisted());
        assertEquals("Chicago", Address.find.byId(home.getId()).city);
        assertEquals(List.of(home.getId()), ids(josh.addresses.all()));
        assertEquals(josh.getId(), Address.find.byId(home.getId()).user.get().orElseThrow().getId());
    }

    @Test
    void setReplacesTheWholeAssociation() {
        User josh = user("Josh");
        Address kept = address("Chicago");
        Address dropped = address("Boston");
        Address added = address("Denver");
        josh.addresses.addAll(List.of(kept, dropped));

        josh.addresses.set(List.of(kept, added));

        assertEquals(ids(List.of(kept, added)), ids(josh.reload().addresses.all()));
        assertFalse(dropped.reload().user.isPresent());
        assertEquals(Set.of(Key.of(josh.getId())), added.reload().user.keys());
        assertEquals(Set.of(Key.of(josh.getId())), kept.reload().user.keys());
    }

    @Test
    void destroyAllDestroysTheTargetsAndEmptiesTheOwner() {
        User josh = user("Josh");
        Address home = josh.addresses.create(a -> a.city = "Chicago");
        Address work = josh.addresses.create(a -> a.city = "Boston");

        josh.addresses.destroyAll();

        assertTrue(josh.addresses.isEmpty());
        assertNull(storedItem(User.class, idKey(josh.getId())).get("addresses_ids"));
        assertFalse(Address.find.exists(home.getId()));
        assertFalse(Address.find.exists(work.getId()));
    }

    @Test
    void deleteAllDeletesTheTargetsAndEmptiesTheOwner() {
        User josh = user("Josh");
        Address home = josh.addresses.create(a -> a.city = "Chicago");

        josh.addresses.deleteAll();

        assertTrue(josh.reload().addresses.isEmpty());
        assertFalse(Address.find.exists(home.getId()));
    }

    @Test
    void whereFiltersTheAssociatedRecordsOnly() {
        User josh = user("Josh");
        Address chicago = josh.addresses.create(a -> a.city = "Chicago");
        josh.addresses.create(a -> a.city = "Boston");
        address("Chicago"); // not Josh's

        assertEquals(List.of(chicago.getId()), ids(josh.addresses.where("city", "Chicago")));
        assertEquals(List.of(), josh.addresses.where(Map.of("city", "Chicago", "id", "other")));
    }

    @Test
    void allReadsMoreTargetsThanOneBatchGetItemHolds() {
        User josh = user("Josh");
        List<Address> addresses = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> addresses.add(address("City " + i)));

        josh.addresses.addAll(addresses);

        assertEquals(150, josh.addresses.count());
        assertEquals(ids(addresses), ids(User.find.byId(josh.getId()).addresses.all()));
    }

    @Test
    void allSkipsTargetsDeletedBehindTheAssociation() {
        User josh = user("Josh");
        Address home = josh.addresses.create(a -> a.city = "Chicago");
        Address gone = josh.addresses.create(a -> a.city = "Boston");
        Address.find.delete(gone.getId()); // no hooks, no unlinking

        assertEquals(2, josh.addresses.count());
        assertEquals(List.of(home.getId()), ids(josh.addresses.all()));
    }

    @Test
    void iteratingReadsTheTargets() {
        User josh = user("Josh");
        josh.addresses.create(a -> a.city = "Chicago");
        List<String> cities = new ArrayList<>();

        for (Address a : josh.addresses) {
            cities.add(a.city);
        }

        assertEquals(List.of("Chicago"), cities);
    }

    @Test
    void containsLooksAtTheStoredKeys() {
        User josh = user("Josh");
        Address home = josh.addresses.create(a -> a.city = "Chicago");

        assertTrue(josh.addresses.contains(home));
        assertFalse(josh.addresses.contains(address("Boston")));
    }

    @Test
    void destroyingTheOwnerUnlinksItsTargets() {
        User josh = user("Josh");
        Address home = josh.addresses.create(a -> a.city = "Chicago");

        josh.destroy();

        assertFalse(home.reload().user.isPresent());
    }

    @Test
    void destroyingATargetRemovesItFromItsOwner() {
        User josh = user("Josh");
        Address home = josh.addresses.create(a -> a.city = "Chicago");
        Address work = josh.addresses.create(a -> a.city = "Boston");

        home.destroy();

        assertEquals(Set.of(Key.of(work.getId())), josh.reload().addresses.keys());
    }

    @Test
    void concurrentLinksOnTwoCopiesAreBothKept() {
        User josh = user("Josh");
        User copy = User.find.byId(josh.getId());

        josh.addresses.create(a -> a.city = "Chicago");
        copy.addresses.create(a -> a.city = "Boston");

        assertEquals(2, josh.reload().addresses.count());
    }

    @Test
    void savingAStaleCopyKeepsTheLinks() {
        User josh = user("Josh");
        User copy = User.find.byId(josh.getId());
        josh.addresses.create(a -> a.city = "Chicago");

        copy.name = "Joshua";
        copy.save();

        assertEquals(1, josh.reload().addresses.count());
        assertEquals("Joshua", josh.name);
    }

    @Test
    void aLinkIsNotAnUnsavedChange() {
        User josh = user("Josh");
        josh.addresses.create(a -> a.city = "Chicago");

        assertFalse(josh.isChanged());
        assertNotNull(josh.getUpdatedAt());
    }

    @Test
    void storingNullValuesLeavesEmptyAssociationsOut() {
        Dynamoid storingNulls = orm.another(b -> b.storeAttributeWithNullValue(true));
        try (Dynamoid.Scope ignored = storingNulls.makeCurrent()) {
            User josh = user("Josh");
            assertEquals(AttributeValue.fromNul(true), storingNulls.client().getItem(b -> b.tableName(storingNulls.tableName(User.class))
                    .key(idKey(josh.getId()))).item().get("email"));

            josh.addresses.create(a -> a.city = "Chicago");

            assertEquals(1, User.find.byId(josh.getId()).addresses.count());
        }
    }

    @Test
    void associationFieldsAreNotPlainAttributes() {
        List<String> attributes = ModelMeta.of(User.class).fields().stream().map(FieldMeta::attributeName).toList();

        assertEquals(List.of("id", "name", "email", "created_at", "updated_at"), attributes);
    }
}
