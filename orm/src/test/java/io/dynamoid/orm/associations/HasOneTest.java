package io.dynamoid.orm.associations;

import io.dynamoid.orm.Key;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Set;

import static io.dynamoid.orm.associations.HasManyTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HasOneTest extends OrmTestBase {

    static Role role(String title) {
        Role role = new Role();
        role.title = title;
        role.save();
        return role;
    }

    @Test
    void setLinksBothSides() {
        User josh = user("Josh");
        Role admin = role("admin");

        josh.role.set(admin);

        assertEquals(AttributeValue.fromSs(List.of(admin.getId())), storedItem(User.class, idKey(josh.getId())).get("role_ids"));
        assertEquals(AttributeValue.fromSs(List.of(josh.getId())), storedItem(Role.class, idKey(admin.getId())).get("user_ids"));
        assertEquals("admin", User.find.byId(josh.getId()).role.get().orElseThrow().title);
    }

    @Test
    void settingAnotherTargetUnlinksThePreviousOne() {
        User josh = user("Josh");
        Role admin = role("admin");
        Role guest = role("guest");
        josh.role.set(admin);

        josh.role.set(guest);

        assertFalse(admin.reload().user.isPresent());
        assertEquals(Set.of(Key.of(josh.getId())), guest.reload().user.keys());
    }

    @Test
    void theBelongsToSideTakesTheRoleFromItsPreviousHolder() {
        User josh = user("Josh");
        Role admin = role("admin");
        Role guest = role("guest");
        josh.role.set(admin);

        guest.user.set(josh);

        assertEquals(guest.getId(), josh.role.get().orElseThrow().getId());
        assertFalse(admin.reload().user.isPresent());
    }

    @Test
    void aTargetHeldByAnotherOwnerLeavesIt() {
        User josh = user("Josh");
        User jane = user("Jane");
        Role admin = role("admin");
        josh.role.set(admin);

        jane.role.set(admin);

        assertFalse(josh.reload().role.isPresent());
        assertEquals(Set.of(Key.of(jane.getId())), admin.reload().user.keys());
    }

    @Test
    void createBuildsSavesAndLinksTheTarget() {
        User josh = user("Josh");

        Role admin = josh.role.create(r -> r.title = "admin");

        assertEquals(Set.of(Key.of(josh.getId())), Role.find.byId(admin.getId()).user.keys());
    }

    @Test
    void removeUnlinksBothSides() {
        User josh = user("Josh");
        Role admin = josh.role.create(r -> r.title = "admin");

        josh.role.remove();

        assertFalse(josh.reload().role.isPresent());
        assertFalse(admin.reload().user.isPresent());
        assertTrue(Role.find.exists(admin.getId()));
    }

    @Test
    void destroyingTheTargetClearsTheOwner() {
        User josh = user("Josh");
        Role admin = josh.role.create(r -> r.title = "admin");

        admin.destroy();

        assertFalse(josh.reload().role.isPresent());
    }
}
