package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.LockVersion;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmExtension;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.Setting;
import io.dynamoid.orm.StaleObjectException;
import io.dynamoid.orm.Table;
import io.dynamoid.orm.Ttl;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue #10's optimistic locking, per-model timestamps and TTL, end to end. */
class LockingTimestampsTtlTest extends OrmTestBase {

    public static class Account extends Model<Account> {
        public static final Finder<Account> find = Finder.of(Account.class);
        public String owner;
        public long balance;
        @LockVersion
        public Integer lockVersion;
    }

    @Table(timestamps = Setting.FALSE)
    public static class Reading extends Model<Reading> {
        public static final Finder<Reading> find = Finder.of(Reading.class);
        public double value;
    }

    @Table(timestamps = Setting.TRUE)
    public static class Audit extends Model<Audit> {
        public static final Finder<Audit> find = Finder.of(Audit.class);
        public String what;
    }

    public static class Session extends Model<Session> {
        public static final Finder<Session> find = Finder.of(Session.class);
        public String user;
        @Ttl(afterSeconds = 60)
        public Long expires;
    }

    private static Account account(long balance) {
        return Account.find.create(a -> {
            a.owner = "ann";
            a.balance = balance;
        });
    }

    @Test
    void aNewRecordStartsAtLockVersionOne() {
        Account a = account(10);

        assertEquals(1, a.lockVersion);
        assertEquals("1", storedItem(Account.class, idKey(a.getId())).get("lockVersion").n());
    }

    @Test
    void everySaveIncrementsTheLockVersion() {
        Account a = account(10);
        a.balance = 20;
        a.save();
        Account.find.update(a.getId(), Map.of("balance", 30L));

        assertEquals(3, Account.find.byId(a.getId()).lockVersion);
    }

    @Test
    void aSaveWithNothingChangedKeepsTheLockVersion() {
        Account a = account(10);
        a.save();

        assertEquals(1, Account.find.byId(a.getId()).lockVersion);
    }

    @Test
    void deletingARecordChangedElsewhereIsStale() {
        Account a = account(10);
        Account other = Account.find.byId(a.getId());
        other.balance = 5;
        other.save();

        assertThrows(StaleObjectException.class, a::delete);
        assertFalse(a.isDestroyed());
        assertTrue(Account.find.exists(a.getId()));
    }

    @Test
    void deletingARecordDeletedElsewhereIsStale() {
        Account a = account(10);
        Account.find.byId(a.getId()).delete();

        StaleObjectException e = assertThrows(StaleObjectException.class, a::destroy);
        assertTrue(e.getMessage().endsWith("its lock version changed or it was deleted"), e.getMessage());
    }

    @Test
    void deletingAfterItsOwnSavesIsNotStale() {
        Account a = account(10);
        a.balance = 11;
        a.save();
        a.balance = 12;
        a.save();

        a.destroy();

        assertFalse(Account.find.exists(a.getId()));
    }

    @Test
    void aRecordReadByAQueryIsCheckedOnSave() {
        Account a = account(10);
        Account read = Account.find.where("owner", "ann").where("id", a.getId()).first().orElseThrow();
        a.balance = 99;
        a.save();

        read.balance = 1;
        assertThrows(StaleObjectException.class, read::save);
        assertEquals(99, Account.find.byId(a.getId()).balance);
    }

    @Test
    void aModelCanTurnTimestampsOff() {
        Reading r = Reading.find.create(x -> x.value = 1.5);

        assertNull(r.getCreatedAt());
        var item = storedItem(Reading.class, idKey(r.getId()));
        assertFalse(item.containsKey("created_at"));
        assertFalse(item.containsKey("updated_at"));
    }

    @Test
    void aModelCanTurnTimestampsOnAgainstTheConfiguration() {
        Dynamoid plain = orm.another(c -> c.timestamps(false));
        Audit a = Audit.find.on(plain).create(x -> x.what = "login");

        assertNotNull(a.getCreatedAt());
        var item = plain.client().getItem(b -> b.tableName(plain.tableName(Audit.class)).key(idKey(a.getId()))).item();
        assertEquals(a.getCreatedAt().getEpochSecond(), new java.math.BigDecimal(item.get("created_at").n()).longValue());
    }

    @Test
    void anUpdateMovesUpdatedAtButNotCreatedAt() throws InterruptedException {
        Audit a = Audit.find.create(x -> x.what = "login");
        Instant created = a.getCreatedAt();
        Thread.sleep(20);
        a.what = "logout";
        a.save();

        Audit stored = Audit.find.byId(a.getId());
        assertEquals(created, stored.getCreatedAt());
        assertTrue(stored.getUpdatedAt().isAfter(stored.getCreatedAt()));
    }

    @Test
    void aNewRecordGetsItsExpiryOnCreateOnly() {
        long before = Instant.now().getEpochSecond();
        Session s = Session.find.create(x -> x.user = "ann");
        long expires = s.expires;

        assertTrue(expires >= before + 60 && expires <= Instant.now().getEpochSecond() + 60, "now + 60 s");
        assertEquals(Long.toString(expires), storedItem(Session.class, idKey(s.getId())).get("expires").n());
        s.user = "bob";
        s.save();
        assertEquals(expires, Session.find.byId(s.getId()).expires, "not pushed back by an update");
    }

    @Test
    void anExplicitExpiryIsKept() {
        Session s = Session.find.create(x -> x.expires = 42L);

        assertEquals("42", storedItem(Session.class, idKey(s.getId())).get("expires").n());
    }

    @Test
    void aTableCreatedOnSaveHasTimeToLiveEnabled() {
        assumeTrue(OrmExtension.embedded(), "dynalite lacks UpdateTimeToLive (its table is created with a warning, and DescribeTimeToLive answers DISABLED)");
        Dynamoid fresh = orm.another(c -> c.createTableOnSave(true));
        Session.find.on(fresh).create(x -> x.user = "ann");

        var ttl = fresh.client().describeTimeToLive(b -> b.tableName(fresh.tableName(Session.class))).timeToLiveDescription();
        assertEquals("expires", ttl.attributeName());
        assertTrue(ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
    }
}
