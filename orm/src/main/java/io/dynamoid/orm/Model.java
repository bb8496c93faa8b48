package io.dynamoid.orm;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.associations.Declaration;
import io.dynamoid.orm.internal.associations.Kind;
import io.dynamoid.orm.internal.meta.FieldMeta;
import io.dynamoid.orm.internal.meta.ModelMeta;
import io.dynamoid.orm.internal.persistence.Changes;
import io.dynamoid.orm.internal.persistence.Delete;
import io.dynamoid.orm.internal.persistence.Find;
import io.dynamoid.orm.internal.persistence.Increment;
import io.dynamoid.orm.internal.persistence.Save;
import io.dynamoid.orm.internal.persistence.Touch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The base of a model (Dynamoid's {@code include Dynamoid::Document}), in Ebean's shape: a plain class whose
 * instances save themselves, with a static {@link Finder} for class-level work.
 * <pre>{@code
 * public class User extends Model<User> {
 *     public static final Finder<User> find = Finder.of(User.class);
 *     public String name;
 *     public int age;
 * }
 * User user = new User();
 * user.name = "Josh";
 * user.save();                         // PutItem: id generated, created_at/updated_at set
 * User.find.byId(user.getId());
 * }</pre>
 *
 * <p>Every non-static, non-transient field of the class and its superclasses below {@code Model} is stored,
 * under its Java name unless {@link Field @Field(name)} says otherwise: String (S); int, long, double,
 * BigDecimal... (N); boolean (BOOL, or "t"/"f"); Instant, OffsetDateTime, ZonedDateTime, LocalDateTime
 * (epoch seconds N, or ISO S); LocalDate (epoch days N, or ISO S); enums (S, by name); byte[] (B); Set
 * (SS/NS/BS); List (L); Map&lt;String, T&gt; (M); {@code AttributeValue} (raw); anything with
 * {@code @Field(serialized = true)} (JSON S) or {@code @Field(converter = ...)}. A null field is not stored.
 *
 * <p>The hash key is the field marked {@link HashKey}, or else the inherited {@code id} (a UUID string made on
 * first save); {@link RangeKey} marks an optional sort key. With timestamps on, {@code created_at} and
 * {@code updated_at} are kept. A model needs a no-argument constructor (any visibility).
 *
 * <p>Lifecycle hooks (protected, no-op by default) run around {@link #save()} and {@link #destroy()}; the
 * "fields"/"delete" variants skip them, as in Dynamoid.
 *
 * @param <T> the model class itself, so that methods return it
 */
public abstract class Model<T extends Model<T>> {
    private String id;
    private Instant createdAt;
    private Instant updatedAt;
    private final transient RecordState state = new RecordState();

    protected Model() {
    }

    /** The generated id, when the model has no {@link HashKey} of its own; null before the first save. */
    public String getId() {
        return id;
    }

    /** Sets the id (for models keyed by the inherited id), e.g. to choose it instead of a generated UUID. */
    public void setId(String id) {
        this.id = id;
    }

    /** When the record was first saved (timestamps on), or null. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the record was last saved or touched (timestamps on), or null. */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The hash key value, whatever field holds it. */
    public Object hashKey() {
        return ModelMeta.of(getClass()).hashKey().get(this);
    }

    /** The range key value, or null for models without one. */
    public Object rangeKey() {
        FieldMeta range = ModelMeta.of(getClass()).rangeKey();
        return range == null ? null : range.get(this);
    }

    /** This record's key as a {@link Key}. */
    public Key key() {
        return Key.of(hashKey(), rangeKey());
    }

    /** Not saved yet (or never loaded). */
    public boolean isNewRecord() {
        return state.isNew();
    }

    /** Saved or loaded, and not destroyed. */
    public boolean isPersisted() {
        return !state.isNew() && !state.isDestroyed();
    }

    public boolean isDestroyed() {
        return state.isDestroyed();
    }

    /** The attribute names whose values differ from what was last read or written (all set ones when new). */
    public Set<String> changedAttributes() {
        Map<String, AttributeValue> before = state.isNew() ? Map.of() : state.persisted();
        return Set.copyOf(Changes.of(mapping().dump(this), before).keySet());
    }

    public boolean isChanged() {
        return !changedAttributes().isEmpty();
    }

    /**
     * Validates and saves: a new record with PutItem (never overwriting: {@link RecordNotUniqueException}), an
     * existing one with UpdateItem of its changed attributes only (nothing sent when nothing changed).
     */
    public T save() {
        List<String> errors = errors();
        if (!errors.isEmpty()) {
            throw new DocumentNotValidException(this, errors);
        }
        return saveWithoutValidation();
    }

    private T saveWithoutValidation() {
        requireNotDestroyed("save");
        boolean creating = state.isNew();
        beforeSave();
        if (creating) {
            beforeCreate();
        } else {
            beforeUpdate();
        }
        Engine engine = engine();
        Save.call(engine, engine.mapping(getClass()), this, state);
        if (creating) {
            afterCreate();
        } else {
            afterUpdate();
        }
        afterSave();
        return self();
    }

    /** Sets these attributes (by attribute or Java name) without saving. */
    public T assignAttributes(Map<String, ?> attributes) {
        ModelMeta meta = ModelMeta.of(getClass());
        attributes.forEach((name, value) -> meta.field(name).set(this, value));
        return self();
    }

    /** Sets these attributes and saves (with validation and hooks). */
    public T updateAttributes(Map<String, ?> attributes) {
        return assignAttributes(attributes).save();
    }

    /** Sets one attribute and saves without validation (Dynamoid's {@code update_attribute}). */
    public T updateAttribute(String name, Object value) {
        assignAttributes(Collections.singletonMap(name, value));
        return saveWithoutValidation();
    }

    /** Applies the changes and saves (with validation and hooks): {@code user.update(u -> u.age = 30)}. */
    public T update(Consumer<? super T> changes) {
        changes.accept(self());
        return save();
    }

    /**
     * Sets updated_at (and the named date-time fields) to now on the stored item, without saving other changes
     * or running hooks.
     */
    public T touch(String... fields) {
        requirePersisted("touch");
        Engine engine = engine();
        Touch.call(engine, engine.mapping(getClass()), this, state, Arrays.asList(fields));
        return self();
    }

    /** Atomically adds {@code by} to a numeric attribute (UpdateExpression ADD) and reads the new value back. */
    public T increment(String attribute, Number by) {
        requirePersisted("increment");
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(getClass());
        ModelMapping.MappedField field = mapping.field(attribute);
        Map<String, AttributeValue> after = Increment.call(engine, mapping, mapping.keyOfItem(state.persisted()), Map.of(field.name(), by), false);
        field.meta().set(this, field.load(after.get(field.name())));
        Map<String, AttributeValue> persisted = new HashMap<>(state.persisted());
        persisted.put(field.name(), after.get(field.name()));
        state.persisted(persisted, engine);
        return self();
    }

    public T increment(String attribute) {
        return increment(attribute, 1);
    }

    /** Atomically subtracts {@code by}; see {@link #increment(String, Number)}. */
    public T decrement(String attribute, Number by) {
        return increment(attribute, new BigDecimal(by.toString()).negate());
    }

    public T decrement(String attribute) {
        return decrement(attribute, 1);
    }

    /** Reads the stored item again (consistently), discarding unsaved changes. */
    public T reload() {
        requirePersisted("reload");
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(getClass());
        Map<String, AttributeValue> key = mapping.keyOfItem(state.persisted());
        Map<String, AttributeValue> item = Find.one(engine, mapping, key, true);
        if (item == null) {
            throw new RecordNotFoundException("Cannot reload " + getClass().getSimpleName() + " " + key + ": it no longer exists");
        }
        mapping.load(this, item);
        state.persisted(mapping.dump(this), engine);
        return self();
    }

    /** Deletes the stored item, running the destroy hooks. */
    public T destroy() {
        beforeDestroy();
        delete();
        afterDestroy();
        return self();
    }

    /** Deletes the stored item without hooks (with optimistic locking, only if unchanged since read). */
    public T delete() {
        requireNotDestroyed("delete");
        Engine engine = engine();
        Delete.record(engine, engine.mapping(getClass()), this, state);
        Association.unlinkAll(this);
        return self();
    }

    /** Whether {@link #validate} reports no error. */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** Validation: add a message to {@code errors} for each problem; {@link #save()} refuses a record with any. */
    protected void validate(List<String> errors) {
    }

    protected void beforeSave() {
    }

    protected void afterSave() {
    }

    protected void beforeCreate() {
    }

    protected void afterCreate() {
    }

    protected void beforeUpdate() {
    }

    protected void afterUpdate() {
    }

    protected void beforeDestroy() {
    }

    protected void afterDestroy() {
    }

    /** Declares a has_many association: {@code public final HasMany<Address> addresses = hasMany(Address.class);} */
    protected final <A extends Model<A>> HasMany<A> hasMany(Class<A> target) {
        return new HasMany<>(this, new Declaration(Kind.HAS_MANY, target, null, null));
    }

    /** Declares a belongs_to association: {@code public final BelongsTo<Group> group = belongsTo(Group.class);} */
    protected final <A extends Model<A>> BelongsTo<A> belongsTo(Class<A> target) {
        return new BelongsTo<>(this, new Declaration(Kind.BELONGS_TO, target, null, null));
    }

    /** Declares a has_one association: {@code public final HasOne<Role> role = hasOne(Role.class);} */
    protected final <A extends Model<A>> HasOne<A> hasOne(Class<A> target) {
        return new HasOne<>(this, new Declaration(Kind.HAS_ONE, target, null, null));
    }

    /** Declares a has_and_belongs_to_many association (see {@link HasAndBelongsToMany}). */
    protected final <A extends Model<A>> HasAndBelongsToMany<A> hasAndBelongsToMany(Class<A> target) {
        return new HasAndBelongsToMany<>(this, new Declaration(Kind.HAS_AND_BELONGS_TO_MANY, target, null, null));
    }

    /** The instance this record belongs to: the one that loaded or saved it, else the current one. */
    protected Dynamoid dynamoid() {
        Engine engine = state.engine();
        return engine != null ? (Dynamoid) engine.owner() : Dynamoid.current();
    }

    RecordState state() {
        return state;
    }

    private List<String> errors() {
        List<String> errors = new ArrayList<>();
        validate(errors);
        return errors;
    }

    private Engine engine() {
        return dynamoid().engine();
    }

    private ModelMapping mapping() {
        return engine().mapping(getClass());
    }

    private void requirePersisted(String action) {
        requireNotDestroyed(action);
        if (state.isNew()) {
            throw new RecordNotFoundException("Cannot " + action + " a new " + getClass().getSimpleName() + ": save it first");
        }
    }

    private void requireNotDestroyed(String action) {
        if (state.isDestroyed()) {
            throw new RecordNotFoundException("Cannot " + action + " a destroyed " + getClass().getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + hashKey() + (rangeKey() == null ? "" : ", " + rangeKey()) + "]";
    }
}
