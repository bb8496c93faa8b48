package io.dynamoid.emulator.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * The tables of one account and region (or of everyone, with a shared database). Table names are kept
 * sorted, the order ListTables pages through.
 */
public final class Database {
    private final String region;
    private final String accountId;
    private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();
    private volatile CommitListener commitListener;
    private volatile TableListener tableListener;
    /** Listeners added beside the one set (streams beside persistence), heard after it. */
    private final List<CommitListener> addedListeners = new CopyOnWriteArrayList<>();
    /** The set listener followed by the added ones: what {@link #commitListener()} answers. */
    private volatile CommitListener allListeners;
    private final IdempotencyTokens idempotencyTokens = new IdempotencyTokens();
    /** State other packages keep per database (streams), made once on first use. */
    private final ConcurrentHashMap<Class<?>, Object> extensions = new ConcurrentHashMap<>();

    public Database(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** This database's instance of {@code type}, made by {@code create} the first time it is asked for. */
    public <T> T extension(Class<T> type, Function<Database, T> create) {
        Object existing = extensions.get(type);
        return type.cast(existing != null ? existing : extensions.computeIfAbsent(type, unused -> create.apply(this)));
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    /** The table by name or by its ARN, or null. */
    public Table table(String nameOrArn) {
        if (nameOrArn == null) return null;
        if (nameOrArn.startsWith("arn:")) {
            int slash = nameOrArn.indexOf(":table/");
            if (slash < 0) return null;
            String name = nameOrArn.substring(slash + ":table/".length());
            int sub = name.indexOf('/');
            if (sub >= 0) name = name.substring(0, sub);
            Table table = tables.get(name);
            return table != null && nameOrArn.startsWith(table.definition().arn()) ? table : null;
        }
        return tables.get(nameOrArn);
    }

    /** Adds the table unless one of that name exists; returns the existing one, or null when added. */
    public Table addIfAbsent(Table table) {
        table.addedTo(this);
        TableListener listener = tableListener;
        if (listener == null) return tables.putIfAbsent(table.name(), table);
        synchronized (tables) { // the listener hears of the table before anyone can write to it
            Table existing = tables.get(table.name());
            if (existing != null) return existing;
            listener.tableAdded(table);
            tables.put(table.name(), table);
            return null;
        }
    }

    public boolean remove(Table table) {
        TableListener listener = tableListener;
        if (listener == null) return tables.remove(table.name(), table);
        synchronized (tables) {
            if (!tables.remove(table.name(), table)) return false;
            listener.tableRemoved(table);
            return true;
        }
    }

    public NavigableMap<String, Table> tables() {
        return tables;
    }

    /** The ClientRequestTokens of this account's recent transactions. */
    public IdempotencyTokens idempotencyTokens() {
        return idempotencyTokens;
    }

    /** Who hears about committed changes: the set listener, then the added ones (null: nobody, the default). */
    public CommitListener commitListener() {
        return allListeners;
    }

    public synchronized void commitListener(CommitListener listener) {
        this.commitListener = listener;
        allListeners = combinedListeners();
    }

    /** Adds a listener heard after the set one; setting that one later keeps the added ones. */
    public synchronized void addCommitListener(CommitListener listener) {
        addedListeners.add(listener);
        allListeners = combinedListeners();
    }

    private CommitListener combinedListeners() {
        List<CommitListener> all = new ArrayList<>(addedListeners.size() + 1);
        if (commitListener != null) all.add(commitListener);
        all.addAll(addedListeners);
        if (all.size() <= 1) return all.isEmpty() ? null : all.get(0);
        return changes -> {
            for (CommitListener listener : all) listener.committed(changes);
        };
    }

    /** Who hears about tables added, removed or redefined (null: nobody, the default). */
    public TableListener tableListener() {
        return tableListener;
    }

    public void tableListener(TableListener listener) {
        this.tableListener = listener;
    }

    /**
     * Applies several changes as one group (a transaction): each as {@link Table#commit} would, then the
     * listener hears about all of them at once. The caller holds every key's lock. {@code changes} carry the
     * new items; the returned changes carry the items they replaced.
     */
    public List<Change> commitGroup(List<Change> changes) {
        List<Change> applied = new ArrayList<>(changes.size());
        for (Change change : changes) {
            Item old = change.table().applyChange(change.key(), change.newItem());
            applied.add(new Change(change.table(), change.key(), old, change.newItem()));
        }
        CommitListener listener = allListeners;
        if (listener != null && !applied.isEmpty()) listener.committed(List.copyOf(applied));
        return applied;
    }

    public String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }
}
