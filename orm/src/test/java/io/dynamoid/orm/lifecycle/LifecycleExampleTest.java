package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.AroundCreate;
import io.dynamoid.orm.BeforeSave;
import io.dynamoid.orm.Change;
import io.dynamoid.orm.DocumentNotValidException;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OnCreate;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.Proceed;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example proposed for the README's "Validations, callbacks and dirty tracking" section, run as written. */
class LifecycleExampleTest extends OrmTestBase {

    // --- README snippet: model ---
    public static class Account extends Model<Account> {
        @NotBlank public String name;
        @Email public String email;
        @NotNull(groups = OnCreate.class) public String invitation;  // checked when creating only
        public List<String> tags;
        transient long createMicros;

        @BeforeSave
        boolean normalize() {                  // a before callback returning false halts the save
            email = email == null ? null : email.toLowerCase();
            return true;
        }

        @AroundCreate
        void timed(Proceed proceed) {
            long start = System.nanoTime();
            proceed.proceed();                 // the PutItem
            createMicros = (System.nanoTime() - start) / 1000;
        }
    }
    // --- end of README snippet ---

    @Test
    void theLifecycleExampleRuns() {
        dynamoid().createTables(Account.class);
        // --- README snippet: usage ---
        Account account = new Account();
        account.name = "";
        boolean written = account.save();                 // false: nothing written
        List<String> errors = account.errors();           // [invitation must not be null, name must not be blank]
        assertThrows(DocumentNotValidException.class, account::saveOrThrow);  // carries account.violations()

        account.name = "Ann";
        account.email = "Ann@Example.com";
        account.invitation = "X1";
        account.tags = new ArrayList<>(List.of("user"));
        account.saveOrThrow();                 // email stored as ann@example.com

        account.tags.add("admin");             // changed in place: detected
        Map<String, Change> changes = account.changes();   // {tags=Change[before=[user], after=[user, admin]]}
        Object before = account.attributeWas("tags");       // [user]
        account.save();                        // UpdateItem of tags (and updated_at) only
        Set<String> saved = account.previousChanges().keySet();  // [tags, updated_at]
        // --- end of README snippet ---

        assertFalse(written);
        assertEquals(List.of("invitation must not be null", "name must not be blank"), errors);
        assertEquals("ann@example.com", storedItem(Account.class, idKey(account.getId())).get("email").s());
        assertEquals(Map.of("tags", new Change(List.of("user"), List.of("user", "admin"))), changes);
        assertEquals(List.of("user"), before);
        assertEquals(Set.of("tags", "updated_at"), saved);
        assertTrue(account.createMicros > 0);
        assertEquals(2, storedItem(Account.class, idKey(account.getId())).get("tags").l().size());
    }
}
