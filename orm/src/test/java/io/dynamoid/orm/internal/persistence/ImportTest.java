package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportTest extends OrmTestBase {

    public static class Item extends Model<Item> {
        public static final Finder<Item> find = Finder.of(Item.class);
        public String sku;

        @Override
        protected void validate(List<String> errors) {
            errors.add("import does not validate");
        }
    }

    private static Item item(String sku) {
        Item i = new Item();
        i.sku = sku;
        return i;
    }

    @Test
    void importWritesEveryRecordAcrossSeveralBatches() {
        List<Item> items = Item.find.importAll(IntStream.range(0, 60).mapToObj(i -> item("s" + i)).toList());

        assertEquals(60, items.size());
        assertTrue(items.stream().allMatch(i -> Item.find.exists(i.getId())));
    }

    @Test
    void importGeneratesIdsAndTimestampsAndMarksRecordsPersisted() {
        Item i = Item.find.importAll(List.of(item("one"))).get(0);

        assertNotNull(i.getId());
        assertNotNull(i.getCreatedAt());
        assertTrue(i.isPersisted());
        assertEquals("one", storedItem(Item.class, idKey(i.getId())).get("sku").s());
    }

    @Test
    void importReplacesAnExistingItem() {
        Item first = Item.find.importAll(List.of(item("old"))).get(0);
        Item replacement = item("new");
        replacement.setId(first.getId());

        Item.find.importAll(List.of(replacement));

        assertEquals("new", Item.find.byId(first.getId()).sku);
    }
}
