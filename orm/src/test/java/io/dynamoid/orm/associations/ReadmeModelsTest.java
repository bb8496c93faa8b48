package io.dynamoid.orm.associations;

import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.criteria.Repositories;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.dynamoid.orm.associations.HasManyTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed README's models end to end: User with addresses, group, role and friends; Address by city. */
class ReadmeModelsTest extends OrmTestBase {

    /** Dynamoid's {@code Address.find_by_city}, as a derived finder. */
    interface Addresses {
        List<Address> findByCity(String city);
    }

    @Test
    void theReadmeExampleRunsEndToEnd() {
        User user = new User();
        user.name = "Josh";
        user.email = "josh@joshsymonds.com";
        user.save();

        Address address = user.addresses.create(a -> a.city = "Chicago");
        Group group = user.group.create(g -> g.name = "admins");
        Role role = user.role.create(r -> r.title = "owner");
        User friend = user.friends.create(f -> f.name = "Jane");

        User found = User.find.byId(user.getId());
        assertEquals("josh@joshsymonds.com", found.email);
        assertEquals(List.of(address.getId()), ids(found.addresses.all()));
        assertEquals("admins", found.group.get().orElseThrow().name);
        assertEquals("owner", found.role.get().orElseThrow().title);
        assertEquals(List.of(friend.getId()), ids(found.friends.all()));

        assertEquals(user.getId(), Address.find.byId(address.getId()).user.get().orElseThrow().getId());
        assertEquals(List.of(user.getId()), ids(Group.find.byId(group.getId()).users.all()));
        assertEquals(user.getId(), Role.find.byId(role.getId()).user.get().orElseThrow().getId());
        assertEquals(List.of(user.getId()), ids(User.find.byId(friend.getId()).friends.all()));
    }

    @Test
    void addressesAreFoundByCityWithWhere() {
        User user = new User();
        Address springfield = user.addresses.create(a -> a.city = "Springfield");
        user.addresses.create(a -> a.city = "Shelbyville");

        assertEquals(List.of(springfield.getId()), ids(Address.find.where("city", "Springfield").all()));
    }

    @Test
    void addressesAreFoundByCityWithADerivedFinder() {
        User user = new User();
        Address denver = user.addresses.create(a -> a.city = "Denver");

        List<Address> found = Repositories.of(Addresses.class, Address.find).findByCity("Denver");

        assertEquals(List.of(denver.getId()), ids(found));
        assertEquals(user.getId(), found.get(0).user.get().orElseThrow().getId());
    }

    @Test
    void destroyingTheUserUnlinksEverySide() {
        User user = new User();
        Address address = user.addresses.create(a -> a.city = "Chicago");
        Group group = user.group.create(g -> g.name = "admins");
        Role role = user.role.create(r -> r.title = "owner");
        User friend = user.friends.create(f -> f.name = "Jane");

        user.destroy();

        assertTrue(address.reload().user.get().isEmpty());
        assertTrue(group.reload().users.isEmpty());
        assertTrue(role.reload().user.get().isEmpty());
        assertTrue(friend.reload().friends.isEmpty());
    }
}
