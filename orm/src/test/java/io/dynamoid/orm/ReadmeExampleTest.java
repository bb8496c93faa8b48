package io.dynamoid.orm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The README's quick start, compiled and run as it is written there. Keep the two in step. */
class ReadmeExampleTest extends OrmTestBase {

    // --- README snippet: model ---
    public static class User extends Model<User> {
        public static final Finder<User> find = Finder.of(User.class);

        public String name;
        public String email;
        public int age;
    }
    // --- end of README snippet ---

    @Test
    void theQuickStartRuns() {
        String id;
        int age;
        boolean exists;
        // --- README snippet: usage ---
        try (Dynamoid dynamoid = Dynamoid.create(DynamoidConfig.local());  // an in-memory emulator, started here
             Dynamoid.Scope scope = dynamoid.makeCurrent()) {
            User user = new User();
            user.name = "Josh";
            user.email = "josh@example.com";
            user.save();                              // creates the table on first save; id = a new UUID

            User found = User.find.byId(user.getId());
            found.update(u -> u.age = 30);            // UpdateItem of the changed attribute only
            User.find.inc(user.getId(), "age", 1);    // atomic ADD, no read
            found.reload();                           // found.age == 31
            found.destroy();
            // --- end of README snippet ---
            id = user.getId();
            age = found.age;
            exists = User.find.exists(id);
            if (dynamoid.endpoint() != null && !OrmExtension.embedded()) {
                dynamoid.deleteTables(User.class); // a shared endpoint (DYNAMOID_ENDPOINT) keeps no trace
            }
        }
        assertEquals(31, age);
        assertFalse(exists);
    }
}
