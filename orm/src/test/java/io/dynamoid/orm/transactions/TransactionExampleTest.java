package io.dynamoid.orm.transactions;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.TransactionCanceledException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The example proposed for the README's "Transactions" section, run as written. */
class TransactionExampleTest extends TransactionTestBase {

    @Test
    void aTransferBetweenTwoAccounts() {
        savedAccount("ann@example.com", 100);
        savedAccount("bob@example.com", 0);
        Dynamoid dynamoid = dynamoid();

        // --- README snippet: transactions ---
        Account from = Account.find.byId("ann@example.com");
        Account to = Account.find.byId("bob@example.com");
        from.balance -= 30;
        to.balance += 30;
        dynamoid.transaction(tx -> {                    // one TransactWriteItems: all or nothing
            tx.save(from);                              // each only if its lock version is unchanged
            tx.save(to);
            tx.increment(Counter.class, "transfers", "count", 1);
        });

        List<Model<?>> found = dynamoid.readTransaction(r -> r
                .find(Account.class, "ann@example.com")
                .findIfExists(Account.class, "carol@example.com"));   // null when missing
        // --- end of README snippet ---

        assertEquals(70, ((Account) found.get(0)).balance);
        assertNull(found.get(1));
        assertEquals("30", storedAccount("bob@example.com").get("balance").n());
        assertEquals("1", storedItem(Counter.class, Map.of("name", AttributeValue.fromS("transfers"))).get("count").n());

        Account stale = Account.find.byId("bob@example.com");
        to.balance += 1;
        to.save();
        stale.balance = 0;
        // --- README snippet: a canceled transaction ---
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> dynamoid.transaction(tx -> tx.save(stale)));
        // "Transaction canceled, nothing was written: save Account[bob@example.com] failed:
        //  its condition failed, it is stale: its lock version changed or it was deleted"
        // --- end of README snippet ---
        assertEquals("Transaction canceled, nothing was written: save Account[bob@example.com] failed: its condition failed,"
                + " it is stale: its lock version changed or it was deleted", e.getMessage());
    }
}
