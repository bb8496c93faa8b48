package io.dynamoid.orm.internal.tables;

import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Finder;
import io.dynamoid.orm.GlobalIndex;
import io.dynamoid.orm.HashKey;
import io.dynamoid.orm.LocalIndex;
import io.dynamoid.orm.Model;
import io.dynamoid.orm.OrmExtension;
import io.dynamoid.orm.OrmTestBase;
import io.dynamoid.orm.Projection;
import io.dynamoid.orm.RangeKey;
import io.dynamoid.orm.Table;
import io.dynamoid.orm.Ttl;
import io.dynamoid.orm.associations.CountingProxy;
import io.dynamoid.orm.internal.ModelMapping;
import io.dynamoid.orm.internal.meta.ModelMeta;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TableManagerTest extends OrmTestBase {

    @GlobalIndex(hashKey = "email")
    @GlobalIndex(hashKey = "city", rangeKey = "age", name = "by_city", projection = Projection.INCLUDE, projectedAttributes = "email")
    @LocalIndex(rangeKey = "joinedAt", projection = Projection.ALL)
    public static class Member extends Model<Member> {
        public static final Finder<Member> find = Finder.of(Member.class);
        @HashKey
        String club;
        @RangeKey
        String name;
        String email;
        String city;
        int age;
        Instant joinedAt;
    }

    @Table(name = "visits", readCapacity = 7, writeCapacity = 3)
    public static class Visit extends Model<Visit> {
        public static final Finder<Visit> find = Finder.of(Visit.class);
        String page;
    }

    public static class Token extends Model<Token> {
        public static final Finder<Token> find = Finder.of(Token.class);
        @Ttl(afterSeconds = 3600)
        Instant expiresAt;
    }

    private static TableDescription describe(Dynamoid d, Class<? extends Model<?>> model) {
        return d.client().describeTable(b -> b.tableName(d.tableName(model))).table();
    }

    private static Map<String, ScalarAttributeType> definitions(TableDescription t) {
        return t.attributeDefinitions().stream().collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeType));
    }

    @Test
    void createTablesMakesAnActiveTableWithTheModelsKeys() {
        dynamoid().createTables(Member.class);

        TableDescription t = describe(dynamoid(), Member.class);
        assertEquals(TableStatus.ACTIVE, t.tableStatus());
        assertEquals("club", t.keySchema().get(0).attributeName());
        assertEquals(KeyType.HASH, t.keySchema().get(0).keyType());
        assertEquals("name", t.keySchema().get(1).attributeName());
        assertEquals(KeyType.RANGE, t.keySchema().get(1).keyType());
        assertEquals(Map.of("club", ScalarAttributeType.S, "name", ScalarAttributeType.S, "email", ScalarAttributeType.S,
                "city", ScalarAttributeType.S, "age", ScalarAttributeType.N, "joinedAt", ScalarAttributeType.N), definitions(t));
    }

    @Test
    void declaredIndexesAreCreatedWithTheTable() {
        dynamoid().createTables(Member.class);

        TableDescription t = describe(dynamoid(), Member.class);
        String table = dynamoid().tableName(Member.class);
        Map<String, GlobalSecondaryIndexDescription> globals = t.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        assertEquals(java.util.Set.of(table + "_index_email", "by_city"), globals.keySet());
        assertEquals(ProjectionType.KEYS_ONLY, globals.get(table + "_index_email").projection().projectionType());
        assertEquals(ProjectionType.INCLUDE, globals.get("by_city").projection().projectionType());
        assertEquals(List.of("email"), globals.get("by_city").projection().nonKeyAttributes());
        assertEquals("age", globals.get("by_city").keySchema().get(1).attributeName());
        assertEquals(1, t.localSecondaryIndexes().size());
        assertEquals(table + "_index_club_joinedAt", t.localSecondaryIndexes().get(0).indexName());
        assertEquals(ProjectionType.ALL, t.localSecondaryIndexes().get(0).projection().projectionType());
    }

    @Test
    void tablesAreOnDemandByDefault() {
        CreateTableRequest request = TableManager.createRequest(mapping(DynamoidConfig.builder().build(), Member.class));

        assertEquals(BillingMode.PAY_PER_REQUEST, request.billingMode());
        assertNull(request.provisionedThroughput());
        assertTrue(request.globalSecondaryIndexes().stream().allMatch(g -> g.provisionedThroughput() == null));
    }

    @Test
    void provisionedTablesAndTheirGlobalIndexesGetTheConfiguredCapacity() {
        CreateTableRequest request = TableManager.createRequest(mapping(DynamoidConfig.builder().provisioned(10, 5).build(), Member.class));

        assertEquals(BillingMode.PROVISIONED, request.billingMode());
        assertEquals(10L, request.provisionedThroughput().readCapacityUnits());
        assertEquals(5L, request.provisionedThroughput().writeCapacityUnits());
        assertTrue(request.globalSecondaryIndexes().stream().allMatch(g -> g.provisionedThroughput().readCapacityUnits() == 10));
    }

    @Test
    void aTableAnnotationOverridesTheCapacity() {
        CreateTableRequest request = TableManager.createRequest(mapping(DynamoidConfig.builder().provisioned(10, 5).build(), Visit.class));

        assertEquals(7L, request.provisionedThroughput().readCapacityUnits());
        assertEquals(3L, request.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void aProvisionedTableIsCreatedAsAsked() {
        Dynamoid provisioned = orm.another(c -> c.provisioned(4, 2));
        provisioned.createTables(Visit.class);

        TableDescription t = describe(provisioned, Visit.class);
        assertEquals(7L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(3L, t.provisionedThroughput().writeCapacityUnits());
    }

    @Test
    void tableNamesCarryTheNamespacePrefix() {
        Dynamoid plain = orm.another(c -> c.namespace("app"));
        Dynamoid bare = orm.another(c -> c.namespace(""));

        assertEquals("app_visits", plain.tableName(Visit.class));
        assertEquals("visits", bare.tableName(Visit.class));
        assertEquals(dynamoid().config().namespace() + "_members", dynamoid().tableName(Member.class));
    }

    @Test
    void createTablesIsIdempotent() {
        dynamoid().createTables(Visit.class, Member.class);
        dynamoid().createTables(Visit.class, Member.class);

        assertTrue(dynamoid().namespaceTables().containsAll(List.of(dynamoid().tableName(Visit.class), dynamoid().tableName(Member.class))));
    }

    @Test
    void deleteTablesRemovesThemAndASaveCreatesThemAgain() {
        Dynamoid d = orm.another(c -> c);
        d.createTables(Visit.class);

        d.deleteTables(Visit.class);
        assertFalse(d.namespaceTables().contains(d.tableName(Visit.class)));

        Visit.find.on(d).create(v -> v.page = "/");
        assertTrue(d.namespaceTables().contains(d.tableName(Visit.class)));
    }

    @Test
    void truncateEmptiesATableAndKeepsIt() {
        Dynamoid d = orm.another(c -> c);
        Finder<Visit> visits = Visit.find.on(d);
        Visit v = visits.create(x -> x.page = "/a");
        visits.importAll(java.util.stream.IntStream.range(0, 30).mapToObj(i -> {
            Visit x = new Visit();
            x.page = "/" + i;
            return x;
        }).toList());

        d.truncateTables(Visit.class);

        assertFalse(visits.exists(v.getId()));
        assertEquals(List.of(), visits.all());
        assertTrue(d.namespaceTables().contains(d.tableName(Visit.class)));
    }

    @Test
    void deleteNamespaceTablesRemovesOnlyThatNamespace() {
        Dynamoid d = orm.another(c -> c);
        d.createTables(Visit.class);
        dynamoid().createTables(Visit.class);

        d.deleteNamespaceTables();

        assertEquals(List.of(), d.namespaceTables());
        assertTrue(dynamoid().namespaceTables().contains(dynamoid().tableName(Visit.class)));
    }

    @Test
    void aTtlFieldBecomesTheTablesTimeToLive() {
        assumeTrue(OrmExtension.embedded(),
                "dynalite lacks UpdateTimeToLive (its table is created with a warning, and DescribeTimeToLive answers DISABLED)");
        Dynamoid d = orm.another(c -> c);
        d.createTables(Token.class);

        var ttl = d.client().describeTimeToLive(b -> b.tableName(d.tableName(Token.class))).timeToLiveDescription();
        assertEquals("expiresAt", ttl.attributeName());
        assertTrue(ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
    }

    @Test
    void aNewRecordGetsItsExpiryAsEpochSeconds() {
        Dynamoid d = orm.another(c -> c);
        Instant before = Instant.now();
        Token t = Token.find.on(d).create(x -> { });

        assertTrue(t.expiresAt.isAfter(before.plusSeconds(3599)));
        var item = d.client().getItem(b -> b.tableName(d.tableName(Token.class)).key(idKey(t.getId()))).item();
        assertEquals(Long.toString(t.expiresAt.getEpochSecond()), item.get("expiresAt").n());
    }

    /**
     * The operations {@code action} sends through a counting proxy, from an instance in the namespace of
     * {@code owner} (which deletes the namespace's tables after the class).
     */
    private static List<String> requestsOf(Dynamoid owner, Consumer<Dynamoid> action) throws IOException {
        try (CountingProxy proxy = new CountingProxy(dynamoid().endpoint());
             Dynamoid counted = Dynamoid.create(owner.config().toBuilder().endpoint(proxy.endpoint()).build())) {
            action.accept(counted);
            return proxy.operations();
        }
    }

    @Test
    void creatingANewTableOnAnEmulatorSendsCreateTableThenOneDescribeTable() throws IOException {
        // CreateTable answers CREATING (as DynamoDB does): one DescribeTable, sent at once, sees it ACTIVE.
        assertEquals(List.of("CreateTable", "DescribeTable"), requestsOf(orm.another(c -> c), d -> d.createTables(Visit.class)));
    }

    @Test
    void anExistingTableIsLeftAsItIsAfterOneDescribeTable() throws IOException {
        Dynamoid d = orm.another(c -> c);
        d.createTables(Visit.class, Token.class);

        List<String> requests = requestsOf(d, counted -> counted.createTables(Visit.class, Token.class));

        assertEquals(List.of("CreateTable", "DescribeTable", "CreateTable", "DescribeTable"), requests,
                "ResourceInUse means it exists; its time to live is not enabled again");
    }

    @Test
    void aTableWithATtlFieldGetsItsTimeToLiveRightAfterCreation() throws IOException {
        assertEquals(List.of("CreateTable", "DescribeTable", "UpdateTimeToLive"),
                requestsOf(orm.another(c -> c), d -> d.createTables(Token.class)));
    }

    @Test
    void aKnownTableCostsNoRequestOnSave() throws IOException {
        List<String> requests = requestsOf(orm.another(c -> c), d -> {
            Visit.find.on(d).create(v -> v.page = "/a");
            Visit.find.on(d).create(v -> v.page = "/b");
        });

        assertEquals(List.of("CreateTable", "DescribeTable", "PutItem", "PutItem"), requests);
    }

    private static ModelMapping mapping(DynamoidConfig config, Class<?> model) {
        return new ModelMapping(ModelMeta.of(model), config);
    }
}
