package io.dynamoid.orm;

/** Which attributes a secondary index copies: its keys only, the listed ones in addition, or all. */
public enum Projection {
    KEYS_ONLY, INCLUDE, ALL
}
