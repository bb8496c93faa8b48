package io.dynamoid.orm.transactions;

import io.dynamoid.orm.Finder;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.LockVersion;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmExtension;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.RangeKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Transactions need TransactWriteItems / TransactGetItems, which dynalite lacks: the tests are skipped there. */
abstract class TransactionTestBase extends OrmTestBase {

    @BeforeAll
    static void createTables() {
        dynamoid().createTables(User.class, Account.class, Counter.class, Post.class, Audited.class);
    }

    /** Each test is reported skipped with this reason against dynalite. */
    @BeforeEach
    void transactionsNeedAnEndpointWithTransactions() {
        Assumptions.assumeTrue(OrmExtension.embedded(), "dynalite (DYNAMOID_ENDPOINT) implements no transactions");
    }

    public static class User extends Model<User> {
        public static final Finder<User> find = Finder.of(User.class);
        public String name;
        public Integer age;
    }

    public static class Account extends Model<Account> {
        public static final Finder<Account> find = Finder.of(Account.class);
        @HashKey
        public String email;
        public long balance;
        @LockVersion
        public long lockVersion;
    }

    public static class Counter extends Model<Counter> {
        @HashKey
        public String name;
        public long count;
    }

    public static class Post extends Model<Post> {
        public static final Finder<Post> find = Finder.of(Post.class);
        @HashKey
        public String author;
        @RangeKey
        public long number;
        public String title;
    }

    /** Records its callbacks, in order; invalid without a name. */
    public static class Audited extends Model<Audited> {
        public static final Finder<Audited> find = Finder.of(Audited.class);
        public String name;
        final transient List<String> calls = new ArrayList<>();

        @Override
        protected void validate(List<String> errors) {
            if (name == null) {
                errors.add("name is missing");
            }
        }

        @Override
        protected void beforeSave() {
            calls.add("beforeSave");
        }

        @Override
        protected void afterSave() {
            calls.add("afterSave");
        }

        @Override
        protected void beforeCreate() {
            calls.add("beforeCreate");
        }

        @Override
        protected void afterCreate() {
            calls.add("afterCreate");
        }

        @Override
        protected void beforeUpdate() {
            calls.add("beforeUpdate");
        }

        @Override
        protected void afterUpdate() {
            calls.add("afterUpdate");
        }

        @Override
        protected void beforeDestroy() {
            calls.add("beforeDestroy");
        }

        @Override
        protected void afterDestroy() {
            calls.add("afterDestroy");
        }

        @Override
        protected void afterCommit() {
            calls.add("afterCommit");
        }

        @Override
        protected void afterRollback() {
            calls.add("afterRollback");
        }
    }

    static User savedUser(String name) {
        User user = new User();
        user.name = name;
        user.age = 30;
        user.save();
        return user;
    }

    static Account savedAccount(String email, long balance) {
        Account account = new Account();
        account.email = email;
        account.balance = balance;
        account.save();
        return account;
    }

    static Map<String, AttributeValue> storedUser(String id) {
        return storedItem(User.class, idKey(id));
    }

    static Map<String, AttributeValue> storedAccount(String email) {
        return storedItem(Account.class, Map.of("email", AttributeValue.fromS(email)));
    }
}
