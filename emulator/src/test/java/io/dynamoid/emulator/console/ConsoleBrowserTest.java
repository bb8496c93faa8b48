package io.dynamoid.emulator.console;

import io.dynamoid.emulator.EmulatorTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console end to end in headless Chromium: what a person clicks and types, checked against what
 * DynamoDB (the emulator, read through the real SDK) then holds. With -Dconsole.screenshots=DIR it also
 * saves the screenshots used in docs/console.md.
 */
class ConsoleBrowserTest extends EmulatorTestBase {
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(50));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    // ---------- tables ----------

    @Test
    void pageStartsWithTheDefaultAccessKeyAndRegion() {
        browser.get(emulator.consoleUri().orElseThrow().toString());
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        awaitReady();
        assertEquals(ConsoleHandler.DEFAULT_ACCESS_KEY, find("#access-key").getDomProperty("value"));
        assertEquals(ConsoleHandler.DEFAULT_REGION, find("#region").getDomProperty("value"));
    }

    @Test
    void tableListShowsCountsKeysIndexesAndSettings() {
        String name = createTable(uniqueTableName("listed"));
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("a"), "sk", n("1"))));
        client.updateTimeToLive(u -> u.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        openTables();
        String row = find("tr[data-table='" + name + "']").getText();
        assertTrue(row.contains("ACTIVE"), row);
        assertTrue(row.contains("pk (S, partition), sk (N, sort)"), row);
        assertTrue(row.contains("On demand"), row);
        assertTrue(row.contains("ENABLED (expires)"), row);
        assertEquals("1", find("tr[data-table='" + name + "'] td.number").getText());
    }

    @Test
    void createsTableWithGlobalIndexThroughTheDialog() {
        String name = uniqueTableName("created");
        openTables();
        click("#create-table");
        type("#new-table-name", name);
        type("#new-pk-name", "user");
        type("#new-sk-name", "at");
        new Select(find("#new-sk-type")).selectByValue("N");
        click("#add-gsi");
        type("#new-indexes [name='index-name']", "byEmail");
        type("#new-indexes [name='pk-name']", "email");
        screenshot("create-table");
        click("#create-table-dialog button[type='submit']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-table='" + name + "']")));
        assertFalse(find("#create-table-dialog").isDisplayed());
        TableDescription table = client.describeTable(d -> d.tableName(name)).table();
        assertEquals(List.of(KeySchemaElement.builder().attributeName("user").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("at").keyType(KeyType.RANGE).build()), table.keySchema());
        assertEquals("byEmail", table.globalSecondaryIndexes().get(0).indexName());
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        screenshot("tables");
    }

    @Test
    void createTableShowsDynamoDbsValidationErrorInTheDialog() {
        String existing = createTable(uniqueTableName("taken"));
        openTables();
        click("#create-table");
        type("#new-table-name", existing);
        type("#new-pk-name", "pk");
        click("#create-table-dialog button[type='submit']");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#create-table-dialog .dialog-error")));
        assertEquals("ResourceInUseException: Table already exists: " + existing, error.getText());
        assertTrue(find("#create-table-dialog").isDisplayed());
    }

    @Test
    void deletesTableOnlyAfterConfirmation() {
        String name = createTable(uniqueTableName("doomed"));
        openTables();
        By delete = By.cssSelector("button[aria-label='Delete table " + name + "']");
        browser.findElement(delete).click();
        click("#confirm-dialog .cancel");
        assertEquals(name, client.describeTable(d -> d.tableName(name)).table().tableName());
        assertEquals("Delete table " + name, browser.switchTo().activeElement().getAttribute("aria-label"),
                "focus returns to the button that opened the dialog");

        browser.findElement(delete).click();
        click("#confirm-button");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-table='" + name + "']")));
        assertThrows(ResourceNotFoundException.class, () -> client.describeTable(d -> d.tableName(name)));
    }

    // ---------- items ----------

    @Test
    void createsItemFromPlainJsonKeepingEveryDigit() {
        String name = createTable(uniqueTableName("plain"));
        openTable(name);
        click("#create-item");
        click("[name='item-format'][value='plain']");
        setText("#item-text", "{\"pk\": \"a\", \"sk\": 7, \"big\": 12345678901234567890123456789.5, \"tags\": [\"x\", {\"on\": true}]}");
        click("#item-dialog button[type='submit']");
        awaitStatus("Item saved");
        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(name).key(Map.of("pk", s("a"), "sk", n("7")))).item();
        assertEquals(n("12345678901234567890123456789.5"), item.get("big"));
        assertEquals(AttributeValue.fromL(List.of(s("x"), AttributeValue.fromM(Map.of("on", AttributeValue.fromBool(true))))),
                item.get("tags"));
        assertEquals(1, find("#items tbody").findElements(By.tagName("tr")).size());
    }

    @Test
    void editsItemAsDynamoDbJson() {
        String name = createTable(uniqueTableName("edited"));
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("a"), "sk", n("1"), "colour", s("red"))));
        openTable(name);
        click("button[aria-label='Edit item a / 1']");
        String text = find("#item-text").getDomProperty("value");
        assertTrue(text.contains("\"colour\": {\n    \"S\": \"red\"\n  }"), text);
        screenshot("item-editor");
        setText("#item-text", text.replace("\"red\"", "\"blue\""));
        click("#item-dialog button[type='submit']");
        awaitStatus("Item saved");
        assertEquals(s("blue"), client.getItem(g -> g.tableName(name).key(Map.of("pk", s("a"), "sk", n("1")))).item().get("colour"));
        assertTrue(find("#items tbody").getText().contains("blue"));
    }

    @Test
    void switchesItemBetweenDynamoDbJsonAndPlainJson() {
        String name = createTable(uniqueTableName("switch"));
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("a"), "sk", n("1"),
                "n", n("12345678901234567890.123456789"), "set", AttributeValue.fromSs(List.of("x")))));
        openTable(name);
        click("button[aria-label='Edit item a / 1']");
        click("[name='item-format'][value='plain']");
        String plain = find("#item-text").getDomProperty("value");
        assertTrue(plain.contains("\"n\": 12345678901234567890.123456789"), plain);
        assertTrue(find("#item-format-note").isDisplayed(), "plain JSON warns that sets become lists");
        click("[name='item-format'][value='dynamo']");
        String dynamo = find("#item-text").getDomProperty("value");
        assertTrue(dynamo.contains("\"N\": \"12345678901234567890.123456789\""), dynamo);
    }

    @Test
    void invalidItemShowsDynamoDbsMessageAndKeepsTheEditorOpen() {
        String name = createTable(uniqueTableName("invalid"));
        openTable(name);
        click("#create-item");
        setText("#item-text", "{\"pk\": {\"S\": \"a\"}}");
        click("#item-dialog button[type='submit']");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-dialog .dialog-error")));
        DynamoDbException expected = assertThrows(DynamoDbException.class,
                () -> client.putItem(p -> p.tableName(name).item(Map.of("pk", s("a")))));
        assertEquals("ValidationException: " + expected.awsErrorDetails().errorMessage(), error.getText());
        assertTrue(find("#item-dialog").isDisplayed());
    }

    @Test
    void deletesItemOnlyAfterConfirmation() {
        String name = createTable(uniqueTableName("item-gone"));
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("a"), "sk", n("1"))));
        openTable(name);
        click("button[aria-label='Delete item a / 1']");
        click("#confirm-button");
        awaitStatus("Item deleted");
        assertTrue(client.getItem(g -> g.tableName(name).key(Map.of("pk", s("a"), "sk", n("1")))).item().isEmpty());
        assertTrue(find("#no-items").isDisplayed());
    }

    @Test
    void pagesThroughAScanWithNextAndPrevious() {
        String name = createTable(uniqueTableName("paged"));
        for (int i = 0; i < 7; i++) {
            String sk = Integer.toString(i);
            client.putItem(p -> p.tableName(name).item(Map.of("pk", s("p"), "sk", n(sk), "label", s("item " + sk))));
        }
        openTable(name);
        setText("#page-size", "3");
        click("#run-read");
        awaitPageInfo("Page 1: 3 items, more on the next page");
        screenshot("items");
        List<String> page1 = rowKeys();
        click("#next-page");
        awaitPageInfo("Page 2: 3 items, more on the next page");
        List<String> page2 = rowKeys();
        click("#next-page");
        awaitPageInfo("Page 3: 1 item");
        assertFalse(find("#next-page").isEnabled(), "no page after the last");
        Set<String> seen = new HashSet<>(page1);
        seen.addAll(page2);
        seen.addAll(rowKeys());
        assertEquals(Set.of("0", "1", "2", "3", "4", "5", "6"), seen);
        click("#previous-page");
        awaitPageInfo("Page 2: 3 items, more on the next page");
        assertEquals(page2, rowKeys());
        click("#previous-page");
        awaitPageInfo("Page 1: 3 items, more on the next page");
        assertFalse(find("#previous-page").isEnabled(), "no page before the first");
    }

    @Test
    void queriesByKeyConditionAndFilter() {
        String name = createTable(uniqueTableName("queried"));
        for (String pk : List.of("a", "b")) {
            for (int i = 1; i <= 4; i++) {
                String sk = Integer.toString(i);
                client.putItem(p -> p.tableName(name).item(Map.of("pk", s(pk), "sk", n(sk), "colour", s("c" + sk))));
            }
        }
        openTable(name);
        click("[name='read-mode'][value='Query']");
        assertEquals("#pk = :pk", find("#key-condition").getDomProperty("value"), "a key condition is offered");
        setText("#key-condition", "#pk = :pk AND sk > :low");
        setText("#filter", "colour <> :skip");
        setText("#values", "{\":pk\": {\"S\": \"b\"}, \":low\": {\"N\": \"1\"}, \":skip\": {\"S\": \"c3\"}}");
        click("#run-read");
        awaitStatus("Query returned 2 items on page 1");
        assertEquals(List.of("b", "b"), columnTexts(1));
        assertEquals(List.of("2", "4"), columnTexts(2));
    }

    @Test
    void offeredKeyConditionIsWithdrawnWhenSwitchingBackToScan() {
        String name = createTable(uniqueTableName("rescanned"));
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("a"), "sk", n("1"))));
        openTable(name);
        click("[name='read-mode'][value='Query']");
        assertEquals("{\"#pk\":\"pk\"}", find("#names").getDomProperty("value"));
        click("[name='read-mode'][value='Scan']");
        assertEquals("", find("#names").getDomProperty("value"));
        click("#run-read");
        awaitStatus("Scan returned 1 item on page 1");
    }

    @Test
    void badExpressionShowsDynamoDbsTypeAndMessage() {
        String name = createTable(uniqueTableName("bad-filter"));
        openTable(name);
        setText("#filter", "colour = :missing");
        click("#run-read");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        DynamoDbException expected = assertThrows(DynamoDbException.class,
                () -> client.scan(sc -> sc.tableName(name).limit(25).filterExpression("colour = :missing")));
        assertEquals("ValidationException: " + expected.awsErrorDetails().errorMessage(), error.getText());
        assertEquals("alert", error.getAttribute("role"));
    }

    @Test
    void browsesASecondaryIndex() {
        String name = uniqueTableName("indexed");
        client.createTable(c -> c.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("email").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(g -> g.indexName("byEmail").projection(p -> p.projectionType("ALL"))
                        .keySchema(KeySchemaElement.builder().attributeName("email").keyType(KeyType.HASH).build())));
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("with"), "email", s("a@example.com"))));
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("without"))));
        openTable(name);
        new Select(find("#read-index")).selectByValue("byEmail");
        click("#run-read");
        awaitStatus("Scan returned 1 item on page 1");
        assertEquals(List.of("a@example.com"), columnTexts(1), "the index's key comes first");
        assertEquals(List.of("with"), columnTexts(2));
    }

    @Test
    void itemJsonConvertsBothWaysWithoutLosingDigits() {
        openTables();
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/item-json.js').then((m) => {
                  const text = '{"n": 123456789012345678901234567890123456.78, "m": {"l": [1e5, null, false]}, "s": "x"}';
                  const item = m.parsePlainJson(text);
                  done([JSON.stringify(item), m.formatPlainJson(item).replace(/\\s+/g, ' ')]);
                }, (e) => done(String(e)));
                """);
        assertEquals(List.of(
                "{\"n\":{\"N\":\"123456789012345678901234567890123456.78\"},\"m\":{\"M\":{\"l\":{\"L\":"
                        + "[{\"N\":\"1e5\"},{\"NULL\":true},{\"BOOL\":false}]}}},\"s\":{\"S\":\"x\"}}",
                "{ \"n\": 123456789012345678901234567890123456.78, \"m\": { \"l\": [ 1e5, null, false ] }, \"s\": \"x\" }"),
                result);
    }

    @Test
    void partiqlPanelShownOnlyWhenTheEmulatorHasExecuteStatement() {
        openTables();
        assertEquals(emulatorHasPartiql(), find("#partiql").isDisplayed());
    }

    @Test
    void partiqlStatementShowsItsResultsPageByPage() {
        Assumptions.assumeTrue(emulatorHasPartiql(), "this emulator has no ExecuteStatement yet");
        String name = createTable(uniqueTableName("partiql"));
        for (int i = 1; i <= 3; i++) {
            String sk = Integer.toString(i);
            client.putItem(p -> p.tableName(name).item(Map.of("pk", s("a"), "sk", n(sk))));
        }
        openTables();
        setText("#partiql-statement", "SELECT sk FROM \"" + name + "\" WHERE pk = ?");
        setText("#partiql-parameters", "[{\"S\": \"a\"}]");
        setText("#partiql-limit", "2");
        click("#partiql-form button[type='submit']");
        awaitStatus("Statement returned 2 items, more on the next page");
        assertEquals("1\n2", find("#partiql-results tbody").getText());
        click("#partiql-next");
        awaitStatus("Statement returned 1 item");
        assertEquals("3", find("#partiql-results tbody").getText());
        assertFalse(find("#partiql-next").isDisplayed());
    }

    @Test
    void partiqlErrorShowsDynamoDbsTypeAndMessage() {
        Assumptions.assumeTrue(emulatorHasPartiql(), "this emulator has no ExecuteStatement yet");
        openTables();
        setText("#partiql-statement", "SELECT * FROM \"no-such-table\"");
        click("#partiql-form button[type='submit']");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("ResourceNotFoundException: " + raw.call("ExecuteStatement",
                "{\"Statement\": \"SELECT * FROM \\\"no-such-table\\\"\"}").message(), error.getText());
    }

    private static boolean emulatorHasPartiql() {
        return !"UnknownOperationException".equals(raw.call("ExecuteStatement", "{}").errorType());
    }

    @Test
    void streamPanelShownOnlyWhenTheEmulatorHasTheStreamsApi() {
        String name = createStreamedTable();
        openTable(name);
        assertEquals(emulatorHasStreams(), find("#stream").isDisplayed());
    }

    @Test
    void streamPanelShowsNewRecordsLive() {
        Assumptions.assumeTrue(emulatorHasStreams(), "this emulator has no DynamoDB Streams API yet");
        String name = createStreamedTable();
        openTable(name);
        click("#stream-toggle");
        awaitStatus("Watching the stream: new records appear below");
        client.putItem(p -> p.tableName(name).item(Map.of("pk", s("new"), "n", n("1"))));
        WebElement record = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#stream-records li")));
        assertTrue(record.getText().startsWith("INSERT { \"pk\": \"new\" } → {"), record.getText());
        assertTrue(record.getText().contains("\"n\": 1"), record.getText());
    }

    private static boolean emulatorHasStreams() {
        return !"UnknownOperationException".equals(raw.send(HttpRequest.newBuilder(emulator.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDBStreams_20120810.ListStreams")
                .header("X-Amz-Date", "20261125T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261125/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).errorType());
    }

    private static String createStreamedTable() {
        String name = uniqueTableName("streamed");
        client.createTable(c -> c.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(st -> st.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES")));
        return name;
    }

    // ---------- helpers ----------

    private static String createTable(String name) {
        client.createTable(c -> c.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build()));
        return name;
    }

    /** The console as the SDK client's access key and region (AKIDTEST, us-east-1). */
    private static String consoleUrl() {
        return emulator.consoleUri().orElseThrow() + "?accessKey=AKIDTEST&region=us-east-1";
    }

    /** Loads the page afresh (a URL differing only in its #fragment would not reload it). */
    private static void load(String url) {
        browser.get("about:blank");
        browser.get(url);
    }

    private static void openTables() {
        load(consoleUrl());
        awaitReady();
    }

    private static void openTable(String name) {
        load(consoleUrl() + "#table/" + name);
        awaitReady();
        wait.until(ExpectedConditions.textToBe(By.id("items-table-name"), name));
        wait.until(ExpectedConditions.textMatches(By.id("page-info"), java.util.regex.Pattern.compile("^Page 1")));
    }

    private static void awaitReady() {
        wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
    }

    private static void awaitStatus(String text) {
        wait.until(ExpectedConditions.textToBe(By.id("status"), text));
    }

    private static void awaitPageInfo(String text) {
        wait.until(ExpectedConditions.textToBe(By.id("page-info"), text));
    }

    private static WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private static void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private static void type(String css, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).sendKeys(text);
    }

    private static void setText(String css, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        field.clear();
        field.sendKeys(text);
    }

    /** The sort keys of the rows shown (the second column, after the partition key). */
    private static List<String> rowKeys() {
        return columnTexts(2);
    }

    private static List<String> columnTexts(int column) {
        List<String> texts = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#items tbody tr"))) {
            texts.add(row.findElement(By.cssSelector(":scope > :nth-child(" + column + ")")).getText());
        }
        return texts;
    }

    private static void screenshot(String name) {
        String dir = System.getProperty("console.screenshots");
        if (dir == null) return;
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
