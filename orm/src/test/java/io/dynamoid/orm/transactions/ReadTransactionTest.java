package io.dynamoid.orm.transactions;

import io.dynamoid.orm.InvalidTransactionException;
import io.dynamoid.orm.Key;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ReadTransaction;
import io.dynamoid.orm.RecordNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Read transactions: records of several models by key, with one TransactGetItems. */
class ReadTransactionTest extends TransactionTestBase {

    private static Post savedPost(String author, long number) {
        Post post = new Post();
        post.author = author;
        post.number = number;
        post.title = "post " + number;
        post.save();
        return post;
    }

    @Test
    void recordsOfSeveralModelsComeBackInTheOrderAsked() {
        User user = savedUser("Reader");
        Account account = savedAccount(UUID.randomUUID() + "@example.com", 7);
        Post post = savedPost("author-" + UUID.randomUUID(), 3);

        List<Model<?>> found = dynamoid().readTransaction(r -> {
            r.find(Post.class, Key.of(post.author, 3));
            r.find(User.class, user.getId());
            r.find(Account.class, account.email);
        });

        assertEquals("post 3", ((Post) found.get(0)).title);
        assertEquals("Reader", ((User) found.get(1)).name);
        assertEquals(7, ((Account) found.get(2)).balance);
    }

    @Test
    void severalKeysOfOneModelKeepTheirOrder() {
        User first = savedUser("First");
        User second = savedUser("Second");

        List<Model<?>> found = dynamoid().readTransaction(r -> r.find(User.class, List.of(second.getId(), first.getId())));

        assertEquals(List.of("Second", "First"), found.stream().map(m -> ((User) m).name).toList());
    }

    @Test
    void aMissingRecordFailsFind() {
        User user = savedUser("Present");

        RecordNotFoundException e = assertThrows(RecordNotFoundException.class, () -> dynamoid().readTransaction(r -> {
            r.find(User.class, user.getId());
            r.find(User.class, "no-such-user");
        }));

        assertEquals("Read transaction: find User[no-such-user] found nothing", e.getMessage());
    }

    @Test
    void aMissingRecordIsNullForFindIfExists() {
        User user = savedUser("Present");

        List<Model<?>> found = dynamoid().readTransaction(r -> {
            r.findIfExists(User.class, "no-such-user");
            r.find(User.class, user.getId());
        });

        assertEquals(2, found.size());
        assertNull(found.get(0));
        assertEquals("Present", ((User) found.get(1)).name);
    }

    @Test
    void readRecordsArePersistedAndTrackChanges() {
        User user = savedUser("Before");

        User read = (User) dynamoid().readTransaction(r -> r.find(User.class, user.getId())).get(0);

        assertTrue(read.isPersisted());
        assertFalse(read.isChanged());
        read.name = "After";
        read.save();
        assertEquals("After", storedUser(user.getId()).get("name").s());
    }

    @Test
    void theBuilderFormReadsOnCommit() {
        User user = savedUser("Built");
        ReadTransaction reads = ReadTransaction.begin();
        reads.find(User.class, user.getId());

        assertEquals("Built", ((User) reads.commit().get(0)).name);
        assertThrows(InvalidTransactionException.class, reads::commit);
    }

    @Test
    void anEmptyReadTransactionReadsNothing() {
        assertEquals(List.of(), dynamoid().readTransaction(r -> { }));
    }

    @Test
    void readingTheSameItemTwiceIsRefused() {
        InvalidTransactionException e = assertThrows(InvalidTransactionException.class,
                () -> dynamoid().readTransaction(r -> r.find(User.class, Arrays.asList("same", "same"))));

        assertEquals("A read transaction reads the same item twice: find User[same] (DynamoDB allows one action per item:"
                + " \"Transaction request cannot include multiple operations on one item\")", e.getMessage());
    }

    @Test
    void moreThanAHundredReadsAreRefused() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            keys.add("user-" + i);
        }

        InvalidTransactionException e = assertThrows(InvalidTransactionException.class,
                () -> dynamoid().readTransaction(r -> r.find(User.class, keys)));

        assertEquals("A read transaction holds at most 100 reads; this one has 101", e.getMessage());
    }
}
