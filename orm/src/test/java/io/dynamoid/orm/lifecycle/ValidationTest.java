package io.dynamoid.orm.lifecycle;

import io.dynamoid.orm.DocumentNotValidException;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OnCreate;
import io.dynamoid.orm.OnUpdate;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.Violation;
import io.dynamoid.orm.internal.lifecycle.Validation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Bean Validation constraints and the validate hook, checked on save. */
class ValidationTest extends OrmTestBase {

    public static class Member extends Model<Member> {
        public static final Finder<Member> find = Finder.of(Member.class);
        @NotBlank
        public String name;
        @Email
        public String email;
        @Size(min = 2, max = 10)
        public String nickname;
        @Min(0)
        public int age;
        @DecimalMax("100.5")
        public BigDecimal score;
        @NotNull(groups = OnCreate.class)
        public String invitation;
        @NotNull(groups = OnUpdate.class)
        public String reviewer;

        @Override
        protected void validate(List<String> errors) {
            if ("admin".equals(name)) {
                errors.add("the name admin is reserved");
            }
        }
    }

    @BeforeAll
    static void createTable() {
        dynamoid().createTables(Member.class); // invalid records never reach the write that would create it
    }

    private static Member valid() {
        Member member = new Member();
        member.name = "Josh";
        member.email = "josh@example.com";
        member.invitation = "INV-1";
        return member;
    }

    private static Member saved() {
        Member member = valid();
        member.reviewer = "Ann";
        return member.saveOrThrow();
    }

    @Test
    void anInvalidRecordIsNotSavedAndSaveAnswersFalse() {
        Member member = valid();
        member.setId("invalid-" + System.nanoTime());
        member.name = " ";

        assertFalse(member.save());

        assertTrue(member.isNewRecord());
        assertNull(storedItem(Member.class, idKey(member.getId())));
        assertEquals(List.of("name must not be blank"), member.errors());
    }

    @Test
    void aValidRecordIsSavedAndSaveAnswersTrue() {
        Member member = valid();

        assertTrue(member.save());

        assertTrue(member.isPersisted());
        assertEquals(List.of(), member.errors());
        assertEquals("Josh", storedItem(Member.class, idKey(member.getId())).get("name").s());
    }

    @Test
    void violationsTellThePropertyTheMessageAndTheRejectedValue() {
        Member member = valid();
        member.age = -3;

        member.save();

        assertEquals(List.of(new Violation("age", "must be greater than or equal to 0", -3)), member.violations());
    }

    @Test
    void messagesInterpolateTheConstraintParameters() {
        Member member = valid();
        member.nickname = "j";

        assertFalse(member.isValid());

        assertEquals(List.of("nickname size must be between 2 and 10"), member.errors());
    }

    @Test
    void theValidateHookAddsItsMessagesAfterTheConstraintViolations() {
        Member member = valid();
        member.name = "admin";
        member.email = "not-an-address";

        assertFalse(member.save());

        assertEquals(List.of("email must be a well-formed email address", "the name admin is reserved"), member.errors());
        assertNull(member.violations().get(1).property());
    }

    @Test
    void saveOrThrowRaisesDocumentNotValidCarryingTheViolations() {
        Member member = valid();
        member.name = null;
        member.nickname = "j";

        DocumentNotValidException e = assertThrows(DocumentNotValidException.class, member::saveOrThrow);

        assertEquals("Validation failed for Member: name must not be blank, nickname size must be between 2 and 10", e.getMessage());
        assertEquals(member.violations(), e.violations());
        assertEquals(List.of("name", "nickname"), e.violations().stream().map(Violation::property).toList());
        assertTrue(member.isNewRecord());
    }

    @Test
    void saveWithoutValidationWritesAnInvalidRecord() {
        Member member = valid();
        member.name = " ";

        assertTrue(member.saveWithoutValidation());

        assertEquals(" ", storedItem(Member.class, idKey(member.getId())).get("name").s());
    }

    @Test
    void onCreateConstraintsApplyToNewRecordsOnly() {
        Member member = valid();
        member.invitation = null;
        assertFalse(member.save());
        assertEquals(List.of("invitation must not be null"), member.errors());

        member.invitation = "INV-2";
        member.saveOrThrow();
        member.invitation = null;
        member.reviewer = "Ann";
        assertTrue(member.save(), "an update does not check the OnCreate group");
        assertNull(storedItem(Member.class, idKey(member.getId())).get("invitation"));
    }

    @Test
    void onUpdateConstraintsApplyToExistingRecordsOnly() {
        Member member = valid();
        assertTrue(member.save(), "a create does not check the OnUpdate group");

        member.age = 40;
        assertFalse(member.save());
        assertEquals(List.of("reviewer must not be null"), member.errors());
        assertEquals(AttributeValue.fromN("0"), storedItem(Member.class, idKey(member.getId())).get("age"));
    }

    @Test
    void isValidKeepsTheViolationsAndClearsThemOnceFixed() {
        Member member = valid();
        member.name = null;
        assertFalse(member.isValid());
        assertEquals(1, member.violations().size());

        member.name = "Josh";
        assertTrue(member.isValid());
        assertEquals(List.of(), member.violations());
    }

    @Test
    void decimalMaxMessagesNameTheLimit() {
        Member member = valid();
        member.score = new BigDecimal("101");

        assertFalse(member.isValid());

        assertEquals(List.of("score must be less than or equal to 100.5"), member.errors());
    }

    @Test
    void finderCreateReturnsAnInvalidRecordUnsavedWithItsErrors() {
        Member member = Member.find.create(m -> m.name = "Nobody");

        assertTrue(member.isNewRecord());
        assertEquals(List.of("invitation must not be null"), member.errors());
    }

    @Test
    void finderCreateOrThrowRaisesForAnInvalidRecord() {
        DocumentNotValidException e = assertThrows(DocumentNotValidException.class,
                () -> Member.find.createOrThrow(m -> m.name = "Nobody"));

        assertEquals(List.of("invitation must not be null"), e.errors());
    }

    @Test
    void updateAttributesAnswersFalseAndWritesNothingWhenInvalid() {
        Member member = saved();

        assertFalse(member.updateAttributes(Map.of("name", "", "age", 7)));

        assertEquals(List.of("name must not be blank"), member.errors());
        Map<String, AttributeValue> stored = storedItem(Member.class, idKey(member.getId()));
        assertEquals("Josh", stored.get("name").s());
        assertEquals("0", stored.get("age").n());
    }

    @Test
    void updateAttributesOrThrowRaisesWhenInvalid() {
        Member member = saved();

        assertThrows(DocumentNotValidException.class, () -> member.updateAttributesOrThrow(Map.of("age", -1)));
        assertEquals("0", storedItem(Member.class, idKey(member.getId())).get("age").n());
    }

    @Test
    void updateWithAConsumerAnswersFalseWhenInvalid() {
        Member member = saved();

        assertFalse(member.update(m -> m.email = "nope"));
        assertThrows(DocumentNotValidException.class, () -> member.updateOrThrow(m -> m.email = "still nope"));

        assertEquals("josh@example.com", storedItem(Member.class, idKey(member.getId())).get("email").s());
    }

    @Test
    void finderUpdateReturnsTheRecordWithErrorsAndFinderUpdateOrThrowRaises() {
        Member member = saved();

        Member updated = Member.find.update(member.getId(), Map.of("nickname", "x"));
        assertEquals(List.of("nickname size must be between 2 and 10"), updated.errors());
        assertThrows(DocumentNotValidException.class, () -> Member.find.updateOrThrow(member.getId(), Map.of("nickname", "x")));

        assertNull(storedItem(Member.class, idKey(member.getId())).get("nickname"));
    }

    @Test
    void updateAttributeSkipsValidation() {
        Member member = saved();

        member.updateAttribute("age", -5);

        assertEquals("-5", storedItem(Member.class, idKey(member.getId())).get("age").n());
    }

    @Test
    void checkValidatesOnlyTheGroupsAskedForAndRunsNoCallback() {
        Member member = valid();
        member.name = "admin";
        member.invitation = null;

        assertEquals(Arrays.asList("reviewer", null), Validation.check(member, OnUpdate.class).stream().map(Violation::property).toList());
        assertEquals(Arrays.asList("invitation", null), Validation.check(member, OnCreate.class).stream().map(Violation::property).toList());
        assertEquals(List.of(), member.violations(), "check does not record the outcome on the record");
    }
}
