package io.dynamoid.junit;

/** {@link Ledger} entries for the fixtures: tables {@code coin} and {@code note} (under the class's prefix). */
final class Entries {
    private Entries() {
    }

    static final class Coin implements Ledger.Entry {
    }

    static final class Note implements Ledger.Entry {
    }
}
