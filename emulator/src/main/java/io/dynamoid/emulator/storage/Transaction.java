package io.dynamoid.emulator.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs an action holding the locks of every item a transaction touches, so it reads a consistent state
 * and applies all its changes before anyone else sees any. Locks are the tables' key locks (the same ones
 * single-item writes take), taken in one global order — table name, then lock index — so transactions over
 * overlapping items never deadlock; single-item writes hold one lock at a time and cannot close a cycle.
 */
public final class Transaction {
    /** Tables of the same name (a table deleted and re-created) are told apart by identity, last. */
    private static final Comparator<Stripe> ORDER = Comparator.comparing((Stripe s) -> s.table().name())
            .thenComparingInt(Stripe::index)
            .thenComparingInt(s -> System.identityHashCode(s.table()));

    /** One item a transaction reads or writes. */
    public record Target(Table table, ItemKey key) {
    }

    /** One lock of one table; several keys may share it. */
    private record Stripe(Table table, int index, ReentrantLock lock) {
    }

    private Transaction() {
    }

    public static <T> T locked(Collection<Target> targets, Supplier<T> action) {
        List<Stripe> stripes = new ArrayList<>(targets.size());
        for (Target target : targets) {
            Table table = target.table();
            stripes.add(new Stripe(table, table.lockIndex(target.key()), table.lockFor(target.key())));
        }
        List<ReentrantLock> locks = new ArrayList<>(stripes.size());
        Stripe previous = null;
        stripes.sort(ORDER);
        for (Stripe stripe : stripes) {
            if (!stripe.equals(previous)) locks.add(stripe.lock());
            previous = stripe;
        }
        int held = 0;
        try {
            for (ReentrantLock lock : locks) {
                lock.lock();
                held++;
            }
            return action.get();
        } finally {
            for (int i = held - 1; i >= 0; i--) locks.get(i).unlock();
        }
    }
}
