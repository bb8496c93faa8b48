package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.ModelMapping.MappedField;
import io.dynamoid.orm.internal.meta.FieldMeta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a save sets on the record itself before writing it: a generated id, created_at/updated_at, the TTL
 * expiry and the next lock version. Each call answers how to put the previous values back, so that a write
 * that fails leaves the record as it was.
 */
public final class Stamps {
    /** The values the stamping replaced; {@link #restore()} puts them back. */
    public static final class Undo {
        private final Object model;
        private final List<FieldMeta> fields = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        private Undo(Object model) {
            this.model = model;
        }

        private void set(FieldMeta field, Object value) {
            fields.add(field);
            values.add(field.get(model));
            field.set(model, value);
        }

        public void restore() {
            for (int i = fields.size() - 1; i >= 0; i--) {
                fields.get(i).set(model, values.get(i));
            }
        }
    }

    private Stamps() {
    }

    /** Before creating: the id (when generated and unset), both timestamps, the TTL expiry, lock version 1 (or next). */
    public static Undo forCreate(ModelMapping mapping, Object model, Instant now) {
        Undo undo = new Undo(model);
        FieldMeta hash = mapping.hashKey().meta();
        if (hash.role() == FieldMeta.Role.AUTO_ID && hash.get(model) == null) {
            undo.set(hash, UUID.randomUUID().toString());
        }
        if (mapping.timestamps()) {
            for (MappedField f : mapping.fields()) {
                if (f.meta().role() == FieldMeta.Role.UPDATED_AT
                        || f.meta().role() == FieldMeta.Role.CREATED_AT && f.meta().get(model) == null) {
                    undo.set(f.meta(), now);
                }
            }
        }
        FieldMeta ttl = mapping.meta().ttl();
        if (ttl != null && ttl.get(model) == null && mapping.meta().ttlAfterSeconds() > 0) {
            Instant expiry = now.plusSeconds(mapping.meta().ttlAfterSeconds());
            undo.set(ttl, ttl.type() == Instant.class ? expiry : (Object) expiry.getEpochSecond());
        }
        nextLockVersion(mapping, model, undo);
        return undo;
    }

    /** Before updating an existing record: updated_at and the next lock version. */
    public static Undo forUpdate(ModelMapping mapping, Object model, Instant now) {
        Undo undo = new Undo(model);
        if (mapping.timestamps()) {
            for (MappedField f : mapping.fields()) {
                if (f.meta().role() == FieldMeta.Role.UPDATED_AT) {
                    undo.set(f.meta(), now);
                }
            }
        }
        nextLockVersion(mapping, model, undo);
        return undo;
    }

    private static void nextLockVersion(ModelMapping mapping, Object model, Undo undo) {
        FieldMeta lock = mapping.meta().lockVersion();
        if (lock != null) {
            Object current = lock.get(model);
            long next = (current == null ? 0 : ((Number) current).longValue()) + 1;
            undo.set(lock, lock.type() == int.class || lock.type() == Integer.class ? (Object) (int) next : (Object) next);
        }
    }
}
