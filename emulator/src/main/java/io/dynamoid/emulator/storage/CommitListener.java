package io.dynamoid.emulator.storage;

import java.util.List;

/**
 * Told about every change that reaches a database's tables, once per atomic group: a single write is a
 * group of one, a transaction is one group with all its changes (in request order). The seam for
 * persistence and streams, which must see a transaction whole or not at all. Called by the writing thread
 * while it still holds the written keys' locks, so groups touching the same item arrive in commit order;
 * keep it quick and never call back into the tables.
 */
@FunctionalInterface
public interface CommitListener {
    void committed(List<Change> changes);
}
