package io.dynamoid.orm;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoidTest extends OrmTestBase {

    public static class Note extends Model<Note> {
        public static final Finder<Note> find = Finder.of(Note.class);
        public String text;
    }

    @Test
    void theTestInstanceIsCurrentOnTheTestThread() {
        assertSame(dynamoid(), Dynamoid.current());
    }

    @Test
    void makeCurrentLastsUntilTheScopeIsClosed() {
        Dynamoid other = orm.another(c -> c);

        try (Dynamoid.Scope scope = other.makeCurrent()) {
            assertSame(other, Dynamoid.current());
        }
        assertSame(dynamoid(), Dynamoid.current());
    }

    @Test
    void threadsStartedInAScopeInheritItsInstance() throws InterruptedException {
        AtomicReference<Dynamoid> seen = new AtomicReference<>();
        Thread thread = new Thread(() -> seen.set(Dynamoid.current()));
        thread.start();
        thread.join();

        assertSame(dynamoid(), seen.get());
    }

    /** What {@link Dynamoid#current()} gives (or throws) on a thread that inherits no scope. */
    private static Object currentOnAFreshThread() throws InterruptedException {
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                seen.set(Dynamoid.current());
            } catch (RuntimeException e) {
                seen.set(e);
            }
        }, "unscoped", 0, false);
        thread.start();
        thread.join();
        return seen.get();
    }

    @Test
    void withoutAScopeTheDefaultInstanceIsCurrent() throws InterruptedException {
        Dynamoid fallback = orm.another(c -> c);
        Dynamoid.setDefault(fallback);
        try {
            assertSame(fallback, currentOnAFreshThread());
        } finally {
            Dynamoid.setDefault(null);
        }
    }

    @Test
    void withNeitherScopeNorDefaultThereIsNoCurrentInstance() throws InterruptedException {
        assertTrue(currentOnAFreshThread() instanceof ConfigurationException);
    }

    @Test
    void twoInstancesSideBySideDoNotShareData() {
        Dynamoid other = orm.another(c -> c);
        other.createTables(Note.class);
        Note here = Note.find.create(n -> n.text = "here");

        assertTrue(Note.find.exists(here.getId()));
        assertFalse(Note.find.on(other).findById(here.getId()).isPresent());
        assertNotEquals(dynamoid().tableName(Note.class), other.tableName(Note.class));
    }

    @Test
    void aRecordKeepsTheInstanceThatLoadedIt() {
        Dynamoid other = orm.another(c -> c);
        Note there = Note.find.on(other).create(n -> n.text = "there");

        there.text = "changed";
        there.save(); // on "other", though the test's instance is current

        assertEquals("changed", Note.find.on(other).byId(there.getId()).text);
        dynamoid().createTables(Note.class);
        assertFalse(Note.find.findById(there.getId()).isPresent());
    }

    @Test
    void anEmbeddedEmulatorStopsWithItsInstance() {
        org.junit.jupiter.api.Assumptions.assumeTrue(OrmExtension.embedded(), "only LOCAL without DYNAMOID_ENDPOINT embeds an emulator");
        Dynamoid own = Dynamoid.create(DynamoidConfig.builder().namespace("own").build());
        java.net.URI endpoint = own.endpoint();
        own.close();

        assertThrows(Exception.class, () -> new java.net.Socket(endpoint.getHost(), endpoint.getPort()).close());
    }

    @Test
    void deletingNamespaceTablesNeedsANamespace() {
        Dynamoid bare = orm.another(c -> c.namespace(""));

        assertThrows(ConfigurationException.class, bare::deleteNamespaceTables);
    }
}
