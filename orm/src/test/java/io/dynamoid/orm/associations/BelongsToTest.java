package io.dynamoid.orm.associations;

import io.dynamoid.orm.Key;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dynamoid.orm.associations.HasManyTest.ids;
import static io.dynamoid.orm.associations.HasManyTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BelongsToTest extends OrmTestBase {

    static Group group(String name) {
        Group group = new Group();
        group.name = name;
        group.save();
        return group;
    }

    @Test
    void setStoresTheTargetKeyAsAOneElementSet() {
        User josh = user("Josh");
        Group admins = group("admins");

        josh.group.set(admins);

        assertEquals(AttributeValue.fromSs(List.of(admins.getId())), storedItem(User.class, idKey(josh.getId())).get("group_ids"));
        assertEquals(Set.of(Key.of(admins.getId())), User.find.byId(josh.getId()).group.keys());
    }

    @Test
    void setAddsTheOwnerToTheInverseHasMany() {
        User josh = user("Josh");
        User jane = user("Jane");
        Group admins = group("admins");

        josh.group.set(admins);
        jane.group.set(admins);

        assertEquals(ids(List.of(josh, jane)), ids(Group.find.byId(admins.getId()).users.all()));
    }

    @Test
    void settingAnotherTargetLeavesThePreviousOne() {
        User josh = user("Josh");
        Group admins = group("admins");
        Group guests = group("guests");
        josh.group.set(admins);

        josh.group.set(guests);

        assertTrue(admins.reload().users.isEmpty());
        assertEquals(List.of(josh.getId()), ids(guests.reload().users.all()));
        assertEquals(guests.getId(), josh.group.get().orElseThrow().getId());
    }

    @Test
    void setNullUnlinksBothSides() {
        User josh = user("Josh");
        Group admins = group("admins");
        josh.group.set(admins);

        josh.group.set(null);

        assertFalse(josh.group.isPresent());
        assertNull(storedItem(User.class, idKey(josh.getId())).get("group_ids"));
        assertTrue(admins.reload().users.isEmpty());
        assertTrue(Group.find.exists(admins.getId()));
    }

    @Test
    void removeUnlinksBothSides() {
        User josh = user("Josh");
        Group admins = group("admins");
        josh.group.set(admins);

        josh.group.remove();

        assertTrue(josh.reload().group.get().isEmpty());
        assertTrue(admins.reload().users.isEmpty());
    }

    @Test
    void createBuildsSavesAndLinksTheTarget() {
        User josh = user("Josh");

        Group admins = josh.group.create(g -> g.name = "admins");

        assertTrue(admins.isPersisted());
        assertEquals("admins", josh.reload().group.get().orElseThrow().name);
        assertEquals(List.of(josh.getId()), ids(admins.users.all()));
    }

    @Test
    void getIsEmptyWhenNothingIsLinked() {
        assertTrue(user("Josh").group.get().isEmpty());
    }

    @Test
    void theHasManySideMovesTheBelongsTo() {
        User josh = user("Josh");
        Group admins = group("admins");
        Group guests = group("guests");
        admins.users.add(josh);

        guests.users.add(josh);

        assertEquals(guests.getId(), josh.group.get().orElseThrow().getId());
        assertTrue(admins.reload().users.isEmpty());
    }

    @Test
    void destroyingTheTargetClearsTheOwners() {
        User josh = user("Josh");
        Group admins = group("admins");
        josh.group.set(admins);

        admins.destroy();

        assertFalse(josh.reload().group.isPresent());
    }

    @Test
    void aForeignKeyStoresOneStringAttribute() {
        Book book = Book.at(7, "a1");
        book.save();
        Comment comment = new Comment();
        comment.text = "Great";

        comment.book.set(book);

        Map<String, AttributeValue> stored = storedItem(Comment.class, idKey(comment.getId()));
        assertEquals(AttributeValue.fromS("7|a1"), stored.get("book_key"));
        assertFalse(stored.containsKey("book_ids"));
        assertEquals(Set.of(Key.of(7L, "a1")), Comment.find.byId(comment.getId()).book.keys());
        assertEquals(List.of(comment.getId()), ids(Book.find.byId(7L, "a1").comments.all()));
    }

    @Test
    void aForeignKeyIsRemovedWhenUnlinked() {
        Book book = Book.at(8, "b1");
        Comment comment = new Comment();
        comment.book.set(book);

        book.comments.remove(comment);

        assertNull(storedItem(Comment.class, idKey(comment.getId())).get("book_key"));
        assertFalse(comment.book.isPresent());
    }
}
