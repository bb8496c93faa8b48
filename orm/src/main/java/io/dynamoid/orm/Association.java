package io.dynamoid.orm;

import io.dynamoid.orm.internal.Engine;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.associations.AssociationMeta;
import io.dynamoid.orm.internal.associations.Declaration;
import io.dynamoid.orm.internal.associations.Definition;
import io.dynamoid.orm.internal.associations.KeyCodec;
import io.dynamoid.orm.internal.associations.Linker;
import io.dynamoid.orm.internal.associations.Links;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * An association of a model (Dynamoid's {@code has_many}, {@code belongs_to}, {@code has_one},
 * {@code has_and_belongs_to_many}), declared as a final field initialized by {@link Model}'s factories:
 * <pre>{@code
 * public class User extends Model<User> {
 *     public final HasMany<Address> addresses = hasMany(Address.class);
 *     public final BelongsTo<Group> group = belongsTo(Group.class);
 *     public final HasOne<Role> role = hasOne(Role.class);
 *     public final HasAndBelongsToMany<User> friends = hasAndBelongsToMany(User.class).inverseOf("friends");
 * }
 * }</pre>
 *
 * <p>As in Dynamoid, the association is stored on the record itself: attribute {@code <name>_ids} holds the
 * keys of the targets as a string set (a belongs_to may use a one-string {@code foreignKey} instead). Keys of
 * hash-only models are stored as they are; keys of hash + range models as {@code hash|range}, with {@code \}
 * and {@code |} escaped by a backslash. When the target model declares the inverse association (named by
 * {@code inverseOf}, else derived from the class name: {@code user} or {@code users}), it is kept in step:
 * linking or unlinking a record writes both records, and destroying or deleting a record unlinks it from the
 * inverse side of each of its associations.
 *
 * <p>Every change is written at once with an UpdateItem of the association attribute alone (ADD/DELETE of set
 * elements, so concurrent links are not lost); unsaved records are saved first. Reading targets always goes
 * to DynamoDB (BatchGetItem for many, GetItem for one): nothing is cached. Missing targets are skipped.
 *
 * @param <T> the target model
 */
public abstract class Association<T extends Model<T>> {
    private final Model<?> owner;
    private final Declaration declaration;
    private final Links links = new Links();

    Association(Model<?> owner, Declaration declaration) {
        this.owner = owner;
        this.declaration = declaration;
    }

    /** The association name: the name of the field holding it. */
    public String name() {
        return definition().name();
    }

    @SuppressWarnings("unchecked")
    public Class<T> targetType() {
        return (Class<T>) declaration.target();
    }

    /** The keys of the associated records, as stored on this record (nothing is read). */
    public Set<Key> keys() {
        return keys(links.elements());
    }

    @Override
    public String toString() {
        return owner.getClass().getSimpleName() + "." + name() + " " + links.elements();
    }

    /** Links a target, as the inverse side of an association of that target (Dynamoid's {@code associate}). */
    abstract void associate(String element);

    /** Unlinks a target, as the inverse side (Dynamoid's {@code disassociate}). */
    abstract void disassociate(String element);

    /** Removes the owner from the inverse side of every target, before the owner goes away. */
    abstract void unlinkInverse();

    final Model<?> owner() {
        return owner;
    }

    final Declaration declaration() {
        return declaration;
    }

    final SortedSet<String> elements() {
        return links.elements();
    }

    final Definition definition() {
        return AssociationMeta.of(owner.getClass()).definitionOf(owner, this);
    }

    final Optional<Definition> inverse() {
        return AssociationMeta.inverse(definition());
    }

    final Finder<T> finder() {
        return Finder.of(targetType()).on(owner.dynamoid());
    }

    /** The targets with these stored keys that exist, with BatchGetItem. */
    final List<T> load(Collection<String> elements) {
        if (elements.isEmpty()) {
            return List.of();
        }
        return finder().findByIds(keys(elements));
    }

    /** Writes a change of this association's stored keys on the owner. */
    final void write(Linker.Change change, Set<String> changed) {
        Engine engine = engine(owner);
        Linker.write(engine, engine.mapping(owner.getClass()), owner, owner.state(), definition(), change, changed);
    }

    /** The inverse association object of a target. */
    static Association<?> of(Model<?> record, Definition definition) {
        return AssociationMeta.association(record, definition);
    }

    /** How a record's key is stored in association attributes. */
    static String element(Model<?> record) {
        ModelMapping mapping = engine(record).mapping(record.getClass());
        return KeyCodec.encode(mapping, mapping.keyOf(record));
    }

    /** Saves a new record, so that it has a key and can be linked. */
    static void ensureSaved(Model<?> record) {
        if (record.isNewRecord()) {
            record.save();
            if (record.isNewRecord()) {
                throw new AssociationException("Cannot link a new " + record.getClass().getSimpleName() + ": it could not be saved");
            }
        }
    }

    /** Dynamoid's unlinking on delete: every inverse side forgets the record. */
    static void unlinkAll(Model<?> record) {
        for (Definition d : AssociationMeta.of(record.getClass()).definitions()) {
            of(record, d).unlinkInverse();
        }
    }

    private Set<Key> keys(Collection<String> elements) {
        ModelMapping mapping = engine(owner).mapping(targetType());
        Set<Key> keys = new LinkedHashSet<>();
        for (String element : elements) {
            Map<String, AttributeValue> key = KeyCodec.decode(mapping, element);
            Object hash = mapping.hashKey().load(key.get(mapping.hashKey().name()));
            keys.add(mapping.rangeKey() == null ? Key.of(hash) : Key.of(hash, mapping.rangeKey().load(key.get(mapping.rangeKey().name()))));
        }
        return keys;
    }

    private static Engine engine(Model<?> record) {
        return record.dynamoid().engine();
    }
}
