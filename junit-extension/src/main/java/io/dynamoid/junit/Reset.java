package io.dynamoid.junit;

/** What {@link DynamoidExtension} does to the tables before each test. */
public enum Reset {
    /** Nothing: tests of a class see each other's data (cheapest). */
    NONE,
    /** Every table stays but loses its items (with an endpoint: only the class's namespace tables). */
    EMPTY_TABLES,
    /**
     * Every table is deleted (with an endpoint: only the class's namespace tables), then the tables of the
     * declared models are created again.
     */
    DROP_TABLES
}
