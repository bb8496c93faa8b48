package io.dynamoid.orm.associations;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.OrmTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.dynamoid.orm.associations.HasManyTest.address;
import static io.dynamoid.orm.associations.HasManyTest.ids;
import static io.dynamoid.orm.associations.HasManyTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which requests association reads and writes send, seen through a {@link CountingProxy}. */
class LoadingTest extends OrmTestBase {
    private static CountingProxy proxy;
    private static Dynamoid counted;
    private Dynamoid.Scope scope;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = new CountingProxy(dynamoid().endpoint());
        counted = orm.another(b -> b.endpoint(proxy.endpoint()));
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @BeforeEach
    void useTheCountedInstance() {
        scope = counted.makeCurrent();
    }

    @AfterEach
    void restore() {
        scope.close();
    }

    @Test
    void manyTargetsAreReadWithOneBatchGetItemPerHundredKeys() {
        List<Address> addresses = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> {
            Address a = new Address();
            a.city = "City " + i;
            addresses.add(a);
        });
        Address.find.importAll(addresses);
        DeclarationTest.Unlinked owner = new DeclarationTest.Unlinked(); // no inverse: one UpdateItem links all
        owner.addresses.addAll(addresses);
        proxy.clear();

        List<Address> loaded = owner.addresses.all();

        assertEquals(ids(addresses), ids(loaded));
        assertEquals(List.of("BatchGetItem", "BatchGetItem"), proxy.operations());
    }

    @Test
    void aSingleTargetIsReadWithOneGetItem() {
        User josh = user("Josh");
        josh.group.create(g -> g.name = "admins");
        proxy.clear();

        josh.group.get();

        assertEquals(List.of("GetItem"), proxy.operations());
    }

    @Test
    void storedKeysAreReadWithoutARequest() {
        User josh = user("Josh");
        Address home = josh.addresses.create(a -> a.city = "Chicago");
        proxy.clear();

        josh.addresses.count();
        josh.addresses.keys();
        josh.addresses.contains(home);
        josh.group.isPresent();

        assertEquals(List.of(), proxy.operations());
    }

    @Test
    void linkingWritesOneUpdateItemPerSide() {
        User josh = user("Josh");
        Address home = address("Chicago");
        proxy.clear();

        josh.addresses.add(home);

        assertEquals(List.of("UpdateItem", "UpdateItem"), proxy.operations());
    }

    @Test
    void theLinksComeWithTheRecordRead() {
        User josh = user("Josh");
        josh.addresses.create(a -> a.city = "Chicago");
        proxy.clear();

        User found = User.find.byId(josh.getId());
        found.addresses.all();

        assertEquals(List.of("GetItem", "BatchGetItem"), proxy.operations());
    }
}
