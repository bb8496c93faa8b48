package io.dynamoid.orm.internal.associations;

/** The four association kinds of Dynamoid, and which kinds may be their inverse side. */
public enum Kind {
    HAS_MANY(true),
    BELONGS_TO(false),
    HAS_ONE(false),
    HAS_AND_BELONGS_TO_MANY(true);

    private final boolean many;

    Kind(boolean many) {
        this.many = many;
    }

    /** Whether the association holds a set of targets (else at most one). */
    public boolean many() {
        return many;
    }

    /** Whether an association of kind {@code other} on the target class can be this one's inverse. */
    boolean pairsWith(Kind other) {
        return switch (this) {
            case HAS_MANY, HAS_ONE -> other == BELONGS_TO;
            case BELONGS_TO -> other == HAS_MANY || other == HAS_ONE;
            case HAS_AND_BELONGS_TO_MANY -> other == HAS_AND_BELONGS_TO_MANY;
        };
    }
}
