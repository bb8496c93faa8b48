package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RecordNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IncrementTest extends OrmTestBase {

    public static class Counter extends Model<Counter> {
        public static final Finder<Counter> find = Finder.of(Counter.class);
        public String name;
        public long views;
        public Integer likes;
    }

    private static Counter counter() {
        return Counter.find.create(c -> c.name = "page");
    }

    @Test
    void incAddsToStoredCountersWithoutReading() {
        Counter c = counter();

        Counter.find.inc(c.getId(), Map.of("views", 3, "likes", 2));
        Counter.find.inc(c.getId(), "views", 4);

        var item = storedItem(Counter.class, idKey(c.getId()));
        assertEquals("7", item.get("views").n());
        assertEquals("2", item.get("likes").n());
    }

    @Test
    void aNegativeAmountDecrements() {
        Counter c = counter();

        Counter.find.inc(c.getId(), "views", -2);

        assertEquals("-2", storedItem(Counter.class, idKey(c.getId())).get("views").n());
    }

    @Test
    void incrementOfARecordAddsAtomicallyAndReadsTheNewValue() {
        Counter mine = counter();
        Counter theirs = Counter.find.byId(mine.getId());

        theirs.increment("views", 10);
        mine.increment("views");

        assertEquals(11, mine.views, "both increments count, though each record was read before the other's");
        assertFalse(mine.isChanged());
    }

    @Test
    void decrementSubtracts() {
        Counter c = counter();

        c.decrement("likes", 5);

        assertEquals(-5, c.likes);
        assertEquals("-5", storedItem(Counter.class, idKey(c.getId())).get("likes").n());
    }

    @Test
    void incrementingANewRecordIsRefused() {
        Counter c = new Counter();

        assertThrows(RecordNotFoundException.class, () -> c.increment("views"));
    }
}
