package io.dynamoid.orm.internal.meta;

import io.dynamoid.orm.Field;
import io.dynamoid.orm.GlobalIndex;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.ModelDefinitionException;
import io.dynamoid.orm.RangeKey;
import io.dynamoid.orm.Table;
import io.dynamoid.orm.UnknownAttributeException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelMetaTest {

    public static class UserAccount extends Model<UserAccount> {
        public static final String CONSTANT = "not stored";
        public String name;
        transient String cache;
        @Field(name = "mail")
        String email;
    }

    @Table(name = "people")
    public static class Person extends Model<Person> {
        @HashKey
        String ssn;
        @RangeKey
        int generation;
    }

    public static class Category extends Model<Category> {
    }

    public static class Box extends Model<Box> {
    }

    public static class TwoHashKeys extends Model<TwoHashKeys> {
        @HashKey
        String a;
        @HashKey
        String b;
    }

    @GlobalIndex(hashKey = "nope")
    public static class BadIndex extends Model<BadIndex> {
        String name;
    }

    public static class NoDefaultConstructor extends Model<NoDefaultConstructor> {
        NoDefaultConstructor(String x) {
        }
    }

    public abstract static class Base extends Model<Base> {
        String inherited;
    }

    public static class Derived extends Base {
        String own;
    }

    @Test
    void tableNamesArePluralSnakeCaseClassNames() {
        assertEquals("user_accounts", ModelMeta.of(UserAccount.class).baseTableName());
        assertEquals("categories", ModelMeta.of(Category.class).baseTableName());
        assertEquals("boxes", ModelMeta.of(Box.class).baseTableName());
    }

    @Test
    void tableAnnotationNamesTheTable() {
        assertEquals("people", ModelMeta.of(Person.class).baseTableName());
    }

    @Test
    void aModelWithoutHashKeyIsKeyedByTheGeneratedId() {
        ModelMeta meta = ModelMeta.of(UserAccount.class);
        assertEquals("id", meta.hashKey().attributeName());
        assertEquals(FieldMeta.Role.AUTO_ID, meta.hashKey().role());
        assertNull(meta.rangeKey());
    }

    @Test
    void declaredKeysReplaceTheId() {
        ModelMeta meta = ModelMeta.of(Person.class);
        assertEquals("ssn", meta.hashKey().attributeName());
        assertEquals("generation", meta.rangeKey().attributeName());
        assertThrows(UnknownAttributeException.class, () -> meta.field("id"));
    }

    @Test
    void staticAndTransientFieldsAreNotStored() {
        List<String> names = ModelMeta.of(UserAccount.class).fields().stream().map(FieldMeta::attributeName).toList();
        assertEquals(List.of("id", "name", "mail", "created_at", "updated_at"), names);
    }

    @Test
    void fieldsAreFoundByAttributeOrJavaName() {
        ModelMeta meta = ModelMeta.of(UserAccount.class);
        assertEquals("mail", meta.field("email").attributeName());
        assertEquals("mail", meta.field("mail").attributeName());
        assertEquals("created_at", meta.field("createdAt").attributeName());
    }

    @Test
    void inheritedFieldsAreStored() {
        List<String> names = ModelMeta.of(Derived.class).fields().stream().map(FieldMeta::javaName).toList();
        assertEquals(List.of("id", "inherited", "own", "createdAt", "updatedAt"), names);
    }

    @Test
    void twoHashKeysAreADefinitionError() {
        assertThrows(ModelDefinitionException.class, () -> ModelMeta.of(TwoHashKeys.class));
    }

    @Test
    void anIndexOnAnUnknownFieldIsADefinitionError() {
        assertThrows(ModelDefinitionException.class, () -> ModelMeta.of(BadIndex.class));
    }

    @Test
    void aModelNeedsANoArgumentConstructor() {
        assertThrows(ModelDefinitionException.class, () -> ModelMeta.of(NoDefaultConstructor.class));
    }

    @Test
    void anAbstractClassIsNotAModel() {
        assertThrows(ModelDefinitionException.class, () -> ModelMeta.of(Base.class));
    }
}
