package io.dynamoid.orm.internal;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * What the ORM remembers about one model instance: the attributes last read or written (null while the
 * record is new, which is how dirty tracking and new-vs-existing work), whether it was destroyed, and the
 * engine it belongs to.
 */
public final class RecordState {
    private Map<String, AttributeValue> persisted;
    private boolean destroyed;
    private Engine engine;

    public boolean isNew() {
        return persisted == null;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    /** The stored attributes as last seen, or null for a new record. */
    public Map<String, AttributeValue> persisted() {
        return persisted;
    }

    /** Remembers what is now stored (after a load or a write) and which engine stored it. */
    public void persisted(Map<String, AttributeValue> attributes, Engine engine) {
        this.persisted = Map.copyOf(attributes);
        this.engine = engine;
    }

    /** Ties a new record to an engine (a record made by a finder bound to an instance saves there). */
    public void bind(Engine engine) {
        this.engine = engine;
    }

    public void destroyed() {
        this.destroyed = true;
    }

    /** The engine that loaded or saved this record, or null. */
    public Engine engine() {
        return engine;
    }
}
