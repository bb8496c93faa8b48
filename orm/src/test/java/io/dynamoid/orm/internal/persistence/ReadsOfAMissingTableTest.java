package io.dynamoid.orm.internal.persistence;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.TableNotFoundException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reads never create tables: a missing table is reported, with the SDK's exception as the cause. */
class ReadsOfAMissingTableTest extends OrmTestBase {

    public static class Never extends Model<Never> {
        public static final Finder<Never> find = Finder.of(Never.class);
    }

    @Test
    void findingInAMissingTableFailsWithTableNotFound() {
        TableNotFoundException e = assertThrows(TableNotFoundException.class, () -> Never.find.findById("x"));

        assertInstanceOf(ResourceNotFoundException.class, e.getCause());
    }
}
