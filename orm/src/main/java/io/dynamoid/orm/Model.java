package io.dynamoid.orm;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.RecordState;
import io.dynamoid.orm.internal.associations.Declaration;
import io.dynamoid.orm.internal.associations.Kind;
import io.dynamoid.orm.internal.lifecycle.Callback;
import io.dynamoid.orm.internal.lifecycle.Callbacks;
import io.dynamoid.orm.internal.lifecycle.Dirty;
import io.dynamoid.orm.internal.lifecycle.RecordLifecycle;
import io.dynamoid.orm.internal.lifecycle.Validation;
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
 * <p>Validation: Jakarta Bean Validation constraints on fields ({@code @NotBlank}, {@code @Size}...; groups
 * {@link OnCreate} and {@link OnUpdate} apply besides Default on create or update) and the {@link #validate(List)}
 * hook. {@link #save()} answers false for an invalid record, writing nothing, with the reasons in
 * {@link #errors()} / {@link #violations()}; {@link #saveOrThrow()} raises {@link DocumentNotValidException}.
 *
 * <p>Callbacks, as annotated methods ({@link BeforeSave @BeforeSave}, {@link AroundSave @AroundSave(Proceed)}...)
 * or by overriding the protected hooks (no-op by default), run in ActiveRecord's order: before-validation,
 * around-validation (validating), after-validation, before-save, around-save, before-create (or -update),
 * around-create, the write, after-create, after-save. A superclass's callbacks run first. A before callback
 * declared {@code boolean} halts by returning false (an around one by not proceeding): {@code save()} or
 * {@code destroy()} then answers false and nothing is written. After-find and after-initialize run for loaded
 * records, after-touch after {@link #touch}, after-commit/after-rollback around transactions. The
 * "fields"/"delete"/"import" variants skip callbacks and validation, as in Dynamoid.
 *
 * <p>Dirty tracking compares what would be stored with what was last read or written, so a collection mutated
 * in place counts as changed: {@link #changes()}, {@link #attributeWas(String)}, {@link #restoreAttributes},
 * {@link #previousChanges()} (those of the last save); a save writes the changed attributes only.
 *
 * @param <T> the model class itself, so that methods return it
 */
public abstract class Model<T extends Model<T>> {
    private String id;
    private Instant createdAt;
    private Instant updatedAt;
    private final transient RecordState state = new RecordState();
    private final transient RecordLifecycle lifecycle = new RecordLifecycle();

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
        return Set.copyOf(Changes.of(mapping().dump(this), persistedOrEmpty()).keySet());
    }

    public boolean isChanged() {
        return !changedAttributes().isEmpty();
    }

    /** Whether this attribute (attribute or Java name) differs from what was last read or written. */
    public boolean isChanged(String name) {
        return changedAttributes().contains(mapping().field(name).name());
    }

    /** Attribute name → (stored value, current value) for each changed attribute, as Java values. */
    public Map<String, Change> changes() {
        return Dirty.changes(mapping(), persistedOrEmpty(), mapping().dump(this));
    }

    /** The changes the last successful save wrote (timestamps included); empty before any save or after a reload. */
    public Map<String, Change> previousChanges() {
        return lifecycle.previousChanges();
    }

    /** The attribute's value as last read or written (null for a new record), whatever it is now. */
    public Object attributeWas(String name) {
        return Dirty.valueIn(mapping(), persistedOrEmpty(), name);
    }

    /** Sets the named attributes (all when none is named) back to their values as last read or written. */
    public T restoreAttributes(String... names) {
        Dirty.restore(mapping(), this, persistedOrEmpty(), Arrays.asList(names));
        return self();
    }

    /**
     * Validates and saves: a new record with PutItem (never overwriting: {@link RecordNotUniqueException}), an
     * existing one with UpdateItem of its changed attributes only (nothing sent when nothing changed).
     * False, nothing written, when the record is invalid ({@link #errors()} tells why) or a callback halted.
     */
    public boolean save() {
        return isValid() && saveWithoutValidation();
    }

    /** {@link #save()} raising {@link DocumentNotValidException} when invalid, {@link RecordNotSavedException} when halted. */
    public T saveOrThrow() {
        if (!isValid()) {
            throw new DocumentNotValidException(this, violations());
        }
        if (!saveWithoutValidation()) {
            throw new RecordNotSavedException("A callback halted the save of " + this);
        }
        return self();
    }

    /** Saves without validating (Dynamoid's {@code save(validate: false)}); save callbacks run. False when one halted. */
    public boolean saveWithoutValidation() {
        requireNotDestroyed("save");
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(getClass());
        Map<String, AttributeValue> before = persistedOrEmpty();
        boolean saved = Callbacks.run(this, Callback.SAVE, state.isNew() ? Callback.CREATE : Callback.UPDATE,
                () -> Save.call(engine, mapping, this, state));
        if (saved) {
            lifecycle.previousChanges(Dirty.changes(mapping, before, state.persisted()));
        }
        return saved;
    }

    /** Sets these attributes (by attribute or Java name) without saving. */
    public T assignAttributes(Map<String, ?> attributes) {
        ModelMeta meta = ModelMeta.of(getClass());
        attributes.forEach((name, value) -> meta.field(name).set(this, value));
        return self();
    }

    /** Sets these attributes and saves (with validation and callbacks); false as {@link #save()}. */
    public boolean updateAttributes(Map<String, ?> attributes) {
        return assignAttributes(attributes).save();
    }

    /** Sets these attributes and saves; raises as {@link #saveOrThrow()} (Dynamoid's {@code update_attributes!}). */
    public T updateAttributesOrThrow(Map<String, ?> attributes) {
        return assignAttributes(attributes).saveOrThrow();
    }

    /** Sets one attribute and saves without validation (Dynamoid's {@code update_attribute}); callbacks run. */
    public T updateAttribute(String name, Object value) {
        assignAttributes(Collections.singletonMap(name, value));
        saveWithoutValidation();
        return self();
    }

    /** Applies the changes and saves (with validation and callbacks): {@code user.update(u -> u.age = 30)}; false as {@link #save()}. */
    public boolean update(Consumer<? super T> changes) {
        changes.accept(self());
        return save();
    }

    /** Applies the changes and saves; raises as {@link #saveOrThrow()}. */
    public T updateOrThrow(Consumer<? super T> changes) {
        changes.accept(self());
        return saveOrThrow();
    }

    /**
     * Sets updated_at (and the named date-time fields) to now on the stored item, without saving other changes
     * or running save callbacks; after-touch callbacks run.
     */
    public T touch(String... fields) {
        requirePersisted("touch");
        Engine engine = engine();
        Touch.call(engine, engine.mapping(getClass()), this, state, Arrays.asList(fields));
        Callbacks.fire(this, Callback.AFTER_TOUCH);
        return self();
    }

    /** Atomically adds {@code by} to a numeric attribute (UpdateExpression ADD) and reads the new value back. */
    public T increment(String attribute, Number by) {
        requirePersisted("increment");
        Engine engine = engine();
        ModelMapping mapping = engine.mapping(getClass());
        ModelMapping.MappedField field = mapping.field(attribute);
        Map<String, AttributeValue> after = Increment.call(engine, mapping, mapping.keyOfItem(state.persisted()), Map.of(field.name(), by), false);
        if (after == null) {
            throw new RecordNotFoundException("Cannot increment " + getClass().getSimpleName() + " " + mapping.keyOfItem(state.persisted())
                    + ": its key now holds an item of another class");
        }
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
        lifecycle.previousChanges(Map.of());
        return self();
    }

    /** Deletes the stored item inside the destroy callbacks; false, nothing deleted, when one halted. */
    public boolean destroy() {
        return Callbacks.run(this, Callback.DESTROY, this::delete);
    }

    /** {@link #destroy()} raising {@link RecordNotDestroyedException} when a callback halted. */
    public T destroyOrThrow() {
        if (!destroy()) {
            throw new RecordNotDestroyedException("A callback halted the destroy of " + this);
        }
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

    /**
     * Validates inside the validation callbacks: the Bean Validation constraints of the Default group and of
     * {@link OnCreate} (new record) or {@link OnUpdate} (existing one), then the {@link #validate(List)} hook.
     * The outcome stays in {@link #violations()}. False also when a validation callback halted.
     */
    public boolean isValid() {
        Class<?>[] groups = Validation.groupsFor(state.isNew());
        List<Violation> found = new ArrayList<>();
        boolean ran = Callbacks.run(this, Callback.VALIDATION, () -> found.addAll(Validation.check(this, groups)));
        lifecycle.violations(found);
        return ran && found.isEmpty();
    }

    /** Why the last validation failed, one message per violation ("name must not be blank"); empty if it passed. */
    public List<String> errors() {
        return violations().stream().map(Violation::fullMessage).toList();
    }

    /** The violations found by the last validation (by {@link #isValid()} or a save); empty if it passed. */
    public List<Violation> violations() {
        return lifecycle.violations();
    }

    /** Validation: add a message to {@code errors} for each problem besides the field constraints; saving refuses a record with any. */
    protected void validate(List<String> errors) {
    }

    protected void beforeValidation() {
    }

    protected void afterValidation() {
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

    /** After the ORM made this instance (a finder's {@code newInstance}/{@code create}, or a loaded record). */
    protected void afterInitialize() {
    }

    protected void afterFind() {
    }

    protected void afterTouch() {
    }

    protected void afterCommit() {
    }

    protected void afterRollback() {
    }

    /** Declares a has_many association: {@code public final HasMany<Address> addresses = hasMany(Address.class);} */
    protected final <A extends Model<?>> HasMany<A> hasMany(Class<A> target) {
        return new HasMany<>(this, new Declaration(Kind.HAS_MANY, target, null, null));
    }

    /** Declares a belongs_to association: {@code public final BelongsTo<Group> group = belongsTo(Group.class);} */
    protected final <A extends Model<?>> BelongsTo<A> belongsTo(Class<A> target) {
        return new BelongsTo<>(this, new Declaration(Kind.BELONGS_TO, target, null, null));
    }

    /** Declares a has_one association: {@code public final HasOne<Role> role = hasOne(Role.class);} */
    protected final <A extends Model<?>> HasOne<A> hasOne(Class<A> target) {
        return new HasOne<>(this, new Declaration(Kind.HAS_ONE, target, null, null));
    }

    /** Declares a has_and_belongs_to_many association (see {@link HasAndBelongsToMany}). */
    protected final <A extends Model<?>> HasAndBelongsToMany<A> hasAndBelongsToMany(Class<A> target) {
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

    /** A transaction saved this record, stored as {@code before} until then: what it wrote becomes the previous changes. */
    void savedInTransaction(Map<String, AttributeValue> before) {
        lifecycle.previousChanges(Dirty.changes(mapping(), before, state.persisted()));
    }

    private Engine engine() {
        return dynamoid().engine();
    }

    private ModelMapping mapping() {
        return engine().mapping(getClass());
    }

    private Map<String, AttributeValue> persistedOrEmpty() {
        return state.isNew() ? Map.of() : state.persisted();
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
