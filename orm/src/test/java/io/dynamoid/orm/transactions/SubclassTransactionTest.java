package io.dynamoid.orm.transactions;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Inheritance;
import io.dynamoid.orm.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction's record actions on a subclass of a single-table hierarchy answer the subclass's type (the
 * assignments below compile only so) and store its type name.
 */
class SubclassTransactionTest extends TransactionTestBase {

    @Inheritance(subclasses = {Parrot.class})
    public static class Bird extends Model<Bird> {
        public static final Finder<Bird> find = Finder.of(Bird.class);
        public String name;
    }

    public static class Parrot extends Bird {
        public int words;
    }

    @BeforeAll
    static void createBirds() {
        dynamoid().createTables(Bird.class);
    }

    private static Parrot parrot(String name) {
        Parrot parrot = new Parrot();
        parrot.name = name;
        return parrot;
    }

    private static String storedType(Parrot parrot) {
        return storedItem(Bird.class, idKey(parrot.getId())).get("type").s();
    }

    @Test
    void createAndSaveAnswerTheSubclassAndStoreItsTypeName() {
        Parrot[] results = new Parrot[3];

        dynamoid().transaction(tx -> {
            results[0] = tx.create(parrot("Polly"));
            results[1] = tx.save(parrot("Kiwi"));
            results[2] = tx.saveWithoutValidation(parrot("Rio"));
        });

        for (Parrot parrot : results) {
            assertTrue(parrot.isPersisted());
            assertEquals("Parrot", storedType(parrot));
            assertInstanceOf(Parrot.class, Bird.find.byId(parrot.getId()));
        }
    }

    @Test
    void createOfTheSubclassInitializesAParrot() {
        Parrot[] created = new Parrot[1];

        dynamoid().transaction(tx -> created[0] = tx.create(Parrot.class, p -> p.words = 3));

        assertEquals("Parrot", storedType(created[0]));
        assertEquals("3", storedItem(Bird.class, idKey(created[0].getId())).get("words").n());
    }

    @Test
    void updatesAnswerTheSubclassAndKeepItsTypeName() {
        Parrot polly = parrot("Polly");
        polly.save();
        Parrot[] results = new Parrot[2];

        dynamoid().transaction(tx -> {
            results[0] = tx.update(polly, p -> p.words = 5);
        });
        dynamoid().transaction(tx -> {
            results[1] = tx.updateAttributes(polly, Map.of("name", "Pol"));
        });

        assertEquals(5, results[0].words);
        assertEquals("Pol", results[1].name);
        assertEquals("Parrot", storedType(polly));
    }

    @Test
    void deleteAndDestroyAnswerTheSubclass() {
        Parrot polly = parrot("Polly");
        Parrot kiwi = parrot("Kiwi");
        polly.save();
        kiwi.save();
        Parrot[] results = new Parrot[2];

        dynamoid().transaction(tx -> {
            results[0] = tx.delete(polly);
            results[1] = tx.destroy(kiwi);
        });

        assertFalse(Bird.find.exists(results[0].getId()));
        assertFalse(Bird.find.exists(results[1].getId()));
    }
}
