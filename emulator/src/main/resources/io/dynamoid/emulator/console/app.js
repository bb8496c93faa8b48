// The console page: tables, items and (when the emulator has it) PartiQL, all through DynamoDB's JSON API.
import { DynamoClient, DynamoError } from '/console/api.js';
import {
  formatDynamoJson, formatPlainJson, parseDynamoJson, parsePlainJson, plainLosesTypes, summarize,
} from '/console/item-json.js';

const DEFAULT_ACCESS_KEY = 'local';
const DEFAULT_REGION = 'us-east-1';

const $ = (selector, root = document) => root.querySelector(selector);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const STREAMS = 'DynamoDBStreams_20120810';
const STREAM_POLL_MS = 1000;
const STREAM_RECORDS_SHOWN = 100;

let client;
let streamsSupported = false;
/** The open table: its description, and the pages read so far (start keys, so Previous can go back). */
const browser = {
  table: null, operation: 'Scan', request: null, pageStarts: [], page: 0, lastEvaluatedKey: null, items: [],
};

// ---------- status and errors ----------

function announce(message) {
  $('#status').textContent = message;
}

function errorText(e) {
  return e instanceof DynamoError ? e.describe() : e.message || String(e);
}

/** Where errors go: inside the open dialog (the page behind it is inert), or at the top of the page. */
function errorBox(dialog) {
  return (dialog && $('.dialog-error', dialog)) || $('#error');
}

function showError(e, dialog = null) {
  const box = errorBox(dialog);
  box.textContent = errorText(e);
  box.hidden = false;
}

function clearError(dialog = null) {
  const box = errorBox(dialog);
  box.textContent = '';
  box.hidden = true;
}

/** Runs an action, showing its error (DynamoDB's __type and message) instead of throwing. */
async function attempt(action, dialog = null) {
  clearError(dialog);
  try {
    return await action();
  } catch (e) {
    showError(e, dialog);
    return undefined;
  }
}

// ---------- dialogs: modal, focus moved in, and back to the opener on close ----------

function openDialog(dialog, opener) {
  clearError(dialog);
  dialog.showModal();
  dialog.addEventListener('close', () => opener?.isConnected && opener.focus(), { once: true });
}

for (const cancel of document.querySelectorAll('dialog .cancel')) {
  cancel.addEventListener('click', () => cancel.closest('dialog').close('cancel'));
}

/** Asks for confirmation; resolves true only when the person confirms. */
function confirmAction(heading, message, confirmLabel, opener) {
  const dialog = $('#confirm-dialog');
  $('#confirm-heading').textContent = heading;
  $('#confirm-message').textContent = message;
  $('#confirm-button').textContent = confirmLabel;
  dialog.returnValue = '';
  openDialog(dialog, opener);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
  });
}

// ---------- formatting ----------

function plural(count, noun) {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit += 1;
  } while (value >= 1024 && unit < units.length - 1);
  return `${value.toFixed(1)} ${units[unit]}`;
}

function keySchemaText(keySchema, definitions) {
  const typeOf = (name) => definitions.find((d) => d.AttributeName === name)?.AttributeType ?? '?';
  return keySchema.map((k) => `${k.AttributeName} (${typeOf(k.AttributeName)}, ${k.KeyType === 'HASH' ? 'partition' : 'sort'})`).join(', ');
}

function indexesText(table) {
  const describe = (kind) => (index) => `${index.IndexName} [${kind}: ${index.KeySchema.map((k) => k.AttributeName).join(', ')}; ${index.Projection?.ProjectionType ?? ''}]`;
  const all = [
    ...(table.GlobalSecondaryIndexes ?? []).map(describe('GSI')),
    ...(table.LocalSecondaryIndexes ?? []).map(describe('LSI')),
  ];
  return all.length ? all.join('; ') : '—';
}

function billingText(table) {
  if (table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST') return 'On demand';
  const t = table.ProvisionedThroughput ?? {};
  return `Provisioned (${t.ReadCapacityUnits ?? 0} read, ${t.WriteCapacityUnits ?? 0} write)`;
}

function streamText(table) {
  const spec = table.StreamSpecification;
  return spec?.StreamEnabled ? `On (${spec.StreamViewType})` : 'Off';
}

function ttlText(ttl) {
  if (!ttl) return '—';
  const status = ttl.TimeToLiveStatus;
  return ttl.AttributeName ? `${status} (${ttl.AttributeName})` : status;
}

// ---------- connection ----------

function connect(accessKey, region) {
  client = new DynamoClient(accessKey, region);
  localStorage.setItem('dynamoid-console', JSON.stringify({ accessKey, region }));
}

$('#connection').addEventListener('submit', async (event) => {
  event.preventDefault();
  connect($('#access-key').value.trim(), $('#region').value.trim());
  location.hash = '';
  await route();
  announce(`Connected as ${client.accessKey} in ${client.region}`);
});

// ---------- tables ----------

async function listTableNames() {
  const names = [];
  let start;
  do {
    const page = await client.call('ListTables', start ? { ExclusiveStartTableName: start } : {});
    names.push(...page.TableNames);
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

async function describe(name) {
  const [{ Table }, ttl] = await Promise.all([
    client.call('DescribeTable', { TableName: name }),
    client.call('DescribeTimeToLive', { TableName: name }).then((r) => r.TimeToLiveDescription, () => null),
  ]);
  return { table: Table, ttl };
}

async function showTables() {
  const body = $('#tables tbody');
  const names = await listTableNames();
  const described = await Promise.all(names.map(describe));
  body.replaceChildren(...described.map(({ table, ttl }) => tableRow(table, ttl)));
  $('#no-tables').hidden = names.length > 0;
  announce(plural(names.length, 'table'));
}

function tableRow(table, ttl) {
  const name = table.TableName;
  const open = el('a', { href: `#table/${encodeURIComponent(name)}`, textContent: name });
  const remove = el('button', { type: 'button', className: 'danger', textContent: 'Delete' });
  remove.setAttribute('aria-label', `Delete table ${name}`);
  remove.addEventListener('click', () => deleteTable(name, remove));
  const row = el('tr');
  row.dataset.table = name;
  row.append(
    el('th', { scope: 'row' }, open),
    el('td', { textContent: table.TableStatus }),
    el('td', { className: 'number', textContent: String(table.ItemCount) }),
    el('td', { className: 'number', textContent: formatBytes(table.TableSizeBytes) }),
    el('td', { textContent: keySchemaText(table.KeySchema, table.AttributeDefinitions) }),
    el('td', { textContent: indexesText(table) }),
    el('td', { textContent: billingText(table) }),
    el('td', { textContent: streamText(table) }),
    el('td', { textContent: ttlText(ttl) }),
    el('td', {}, remove),
  );
  return row;
}

async function deleteTable(name, opener) {
  const confirmed = await confirmAction(`Delete table ${name}?`,
    `The table ${name} and all its items will be deleted. This cannot be undone.`, 'Delete table', opener);
  if (!confirmed) return;
  await attempt(async () => {
    await client.call('DeleteTable', { TableName: name });
    await showTables();
    announce(`Table ${name} deleted`);
    $('#tables-heading').focus();
  });
}

// ---------- create table ----------

const createDialog = $('#create-table-dialog');

$('#create-table').addEventListener('click', (event) => {
  $('#create-table-form').reset();
  $('#new-indexes').replaceChildren();
  toggleProvisioned();
  openDialog(createDialog, event.currentTarget);
});

function toggleProvisioned() {
  const provisioned = $('#new-billing').value === 'PROVISIONED';
  for (const field of createDialog.querySelectorAll('.provisioned')) field.hidden = !provisioned;
}
$('#new-billing').addEventListener('change', toggleProvisioned);

function addIndexFields(templateId) {
  const fields = $(templateId).content.firstElementChild.cloneNode(true);
  $('.remove-index', fields).addEventListener('click', () => {
    fields.remove();
    $('#add-gsi').focus();
  });
  $('#new-indexes').append(fields);
  $('input', fields).focus();
}
$('#add-gsi').addEventListener('click', () => addIndexFields('#gsi-template'));
$('#add-lsi').addEventListener('click', () => addIndexFields('#lsi-template'));

function createTableRequest() {
  const definitions = [];
  const define = (name, type) => {
    if (!definitions.some((d) => d.AttributeName === name && d.AttributeType === type)) {
      definitions.push({ AttributeName: name, AttributeType: type });
    }
  };
  const keySchema = (hash, hashType, range, rangeType) => {
    define(hash, hashType);
    const schema = [{ AttributeName: hash, KeyType: 'HASH' }];
    if (range) {
      define(range, rangeType);
      schema.push({ AttributeName: range, KeyType: 'RANGE' });
    }
    return schema;
  };
  const pk = $('#new-pk-name').value.trim();
  const request = {
    TableName: $('#new-table-name').value.trim(),
    KeySchema: keySchema(pk, $('#new-pk-type').value, $('#new-sk-name').value.trim(), $('#new-sk-type').value),
    AttributeDefinitions: definitions,
    BillingMode: $('#new-billing').value,
  };
  const provisioned = request.BillingMode === 'PROVISIONED';
  const throughput = () => ({
    ReadCapacityUnits: Number($('#new-rcu').value), WriteCapacityUnits: Number($('#new-wcu').value),
  });
  if (provisioned) request.ProvisionedThroughput = throughput();
  for (const fields of $('#new-indexes').children) {
    const value = (name) => $(`[name="${name}"]`, fields).value.trim();
    const index = { IndexName: value('index-name'), Projection: { ProjectionType: value('projection') } };
    if (fields.dataset.kind === 'global') {
      index.KeySchema = keySchema(value('pk-name'), value('pk-type'), value('sk-name'), value('sk-type'));
      if (provisioned) index.ProvisionedThroughput = throughput();
      (request.GlobalSecondaryIndexes ??= []).push(index);
    } else {
      index.KeySchema = keySchema(pk, $('#new-pk-type').value, value('sk-name'), value('sk-type'));
      (request.LocalSecondaryIndexes ??= []).push(index);
    }
  }
  return request;
}

$('#create-table-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const request = createTableRequest();
  await attempt(async () => {
    await client.call('CreateTable', request);
    createDialog.close('created');
    await showTables();
    announce(`Table ${request.TableName} created`);
  }, createDialog);
});

// ---------- items ----------

function keyNames(table, indexName) {
  const index = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])]
    .find((i) => i.IndexName === indexName);
  return (index ?? table).KeySchema.map((k) => k.AttributeName);
}

function attributeType(table, name) {
  return table.AttributeDefinitions.find((d) => d.AttributeName === name)?.AttributeType ?? 'S';
}

/** The item with its key attributes first, as a person expects to read it. */
function keyFirst(item) {
  const keys = keyNames(browser.table).filter((name) => name in item);
  return Object.fromEntries([...keys, ...Object.keys(item).filter((name) => !keys.includes(name))]
    .map((name) => [name, item[name]]));
}

function itemKey(item) {
  return Object.fromEntries(keyNames(browser.table).map((name) => [name, item[name]]));
}

async function showItems(name) {
  const { table } = await describe(name);
  browser.table = table;
  $('#items-table-name').textContent = name;
  $('#table-summary').textContent = `${plural(table.ItemCount, 'item')}, ${formatBytes(table.TableSizeBytes)}; key: `
    + keySchemaText(table.KeySchema, table.AttributeDefinitions);
  const indexes = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])];
  $('#read-index').replaceChildren(
    el('option', { value: '', textContent: `Table ${name}` }),
    ...indexes.map((i) => el('option', { value: i.IndexName, textContent: `Index ${i.IndexName}` })),
  );
  $('#read-form').reset();
  offeredKeyCondition = null;
  updateReadMode();
  showStreamPanel(table);
  await startReading();
}

function readMode() {
  return $('#read-form').querySelector('[name="read-mode"]:checked').value;
}

/** The key condition offered for Query, so switching back to Scan can take it away again if unchanged. */
let offeredKeyCondition = null;

function keyConditionFields() {
  return { condition: $('#key-condition').value, names: $('#names').value, values: $('#values').value };
}

/** Query needs a key condition: offer one on the chosen table or index's partition key. */
function updateReadMode() {
  const query = readMode() === 'Query';
  $('#key-condition-field').hidden = !query;
  $('#key-condition').required = query;
  if (query && !$('#key-condition').value && !$('#names').value && !$('#values').value) {
    const [partitionKey] = keyNames(browser.table, $('#read-index').value);
    $('#key-condition').value = '#pk = :pk';
    $('#names').value = JSON.stringify({ '#pk': partitionKey });
    $('#values').value = JSON.stringify({ ':pk': { [attributeType(browser.table, partitionKey)]: '' } });
    offeredKeyCondition = keyConditionFields();
  } else if (!query) {
    withdrawOfferedKeyCondition();
  }
}

/** Empties the offered key condition unless the person changed it; true when it was withdrawn. */
function withdrawOfferedKeyCondition() {
  if (JSON.stringify(keyConditionFields()) !== JSON.stringify(offeredKeyCondition)) return false;
  for (const field of ['#key-condition', '#names', '#values']) $(field).value = '';
  offeredKeyCondition = null;
  return true;
}
for (const radio of document.querySelectorAll('[name="read-mode"]')) radio.addEventListener('change', updateReadMode);
$('#read-index').addEventListener('change', () => {
  if (readMode() === 'Query' && withdrawOfferedKeyCondition()) updateReadMode();
});

function parseJsonField(selector, label) {
  const text = $(selector).value.trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${label} is not valid JSON: ${e.message}`);
  }
}

function readRequest() {
  const request = { TableName: browser.table.TableName, Limit: Number($('#page-size').value) || 25 };
  const index = $('#read-index').value;
  if (index) request.IndexName = index;
  if (readMode() === 'Query') request.KeyConditionExpression = $('#key-condition').value.trim();
  const filter = $('#filter').value.trim();
  if (filter) request.FilterExpression = filter;
  const names = parseJsonField('#names', 'Expression attribute names');
  if (names) request.ExpressionAttributeNames = names;
  const values = parseJsonField('#values', 'Expression attribute values');
  if (values) request.ExpressionAttributeValues = values;
  return request;
}

async function startReading() {
  browser.operation = readMode();
  browser.request = readRequest();
  browser.pageStarts = [undefined];
  browser.page = 0;
  await readPage();
}

async function readPage() {
  const start = browser.pageStarts[browser.page];
  const request = start ? { ...browser.request, ExclusiveStartKey: start } : browser.request;
  const answer = await client.call(browser.operation, request);
  browser.items = answer.Items ?? [];
  browser.lastEvaluatedKey = answer.LastEvaluatedKey ?? null;
  renderItems();
  $('#page-info').textContent = `Page ${browser.page + 1}: ${plural(browser.items.length, 'item')}`
    + (browser.lastEvaluatedKey ? ', more on the next page' : '');
  $('#previous-page').disabled = browser.page === 0;
  $('#next-page').disabled = !browser.lastEvaluatedKey;
}

function columnsOf(items) {
  const keys = keyNames(browser.table, browser.request.IndexName);
  const tableKeys = keyNames(browser.table);
  const columns = [...new Set([...keys, ...tableKeys])];
  for (const item of items) {
    for (const name of Object.keys(item).sort()) if (!columns.includes(name)) columns.push(name);
  }
  return columns;
}

function renderItems() {
  const columns = columnsOf(browser.items);
  $('#items thead').replaceChildren(el('tr', {},
    ...columns.map((c) => el('th', { scope: 'col', textContent: c })),
    el('th', { scope: 'col' }, el('span', { className: 'visually-hidden', textContent: 'Actions' }))));
  $('#items tbody').replaceChildren(...browser.items.map((item) => {
    const label = keyNames(browser.table).map((k) => summarize(item[k])).join(' / ');
    const edit = el('button', { type: 'button', textContent: 'Edit' });
    edit.setAttribute('aria-label', `Edit item ${label}`);
    edit.addEventListener('click', () => openItemEditor(item, edit));
    const remove = el('button', { type: 'button', className: 'danger', textContent: 'Delete' });
    remove.setAttribute('aria-label', `Delete item ${label}`);
    remove.addEventListener('click', () => deleteItem(item, remove));
    return el('tr', {},
      ...columns.map((c, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', textContent: summarize(item[c]) } : { textContent: summarize(item[c]) })),
      el('td', { className: 'actions' }, edit, remove));
  }));
  $('#no-items').hidden = browser.items.length > 0;
}

$('#read-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await attempt(async () => {
    await startReading();
    announce(`${browser.operation} returned ${plural(browser.items.length, 'item')} on page 1`);
  });
});

$('#next-page').addEventListener('click', () => attempt(async () => {
  browser.pageStarts[browser.page + 1] = browser.lastEvaluatedKey;
  browser.page += 1;
  await readPage();
  announce(`Page ${browser.page + 1}`);
}));

$('#previous-page').addEventListener('click', () => attempt(async () => {
  browser.page -= 1;
  await readPage();
  announce(`Page ${browser.page + 1}`);
}));

async function deleteItem(item, opener) {
  const key = itemKey(item);
  const confirmed = await confirmAction('Delete item?',
    `The item with key ${formatPlainJson(key).replace(/\s+/g, ' ')} will be deleted.`, 'Delete item', opener);
  if (!confirmed) return false;
  return attempt(async () => {
    await client.call('DeleteItem', { TableName: browser.table.TableName, Key: key });
    await readPage();
    announce('Item deleted');
    $('#items-heading').focus();
    return true;
  });
}

// ---------- item editor ----------

const itemDialog = $('#item-dialog');
let editing = null; // the item as loaded, or null for a new item

function itemFormat() {
  return itemDialog.querySelector('[name="item-format"]:checked').value;
}

function parseItemText(format = itemFormat()) {
  const text = $('#item-text').value;
  return format === 'plain' ? parsePlainJson(text) : parseDynamoJson(text);
}

function showItemText(item, format) {
  $('#item-text').value = format === 'plain' ? formatPlainJson(item) : formatDynamoJson(item);
  $('#item-format-note').hidden = !(format === 'plain' && plainLosesTypes(item));
}

function openItemEditor(item, opener) {
  editing = item;
  const template = item ? keyFirst(item) : Object.fromEntries(keyNames(browser.table)
    .map((name) => [name, { [attributeType(browser.table, name)]: '' }]));
  $('#item-heading').textContent = item ? 'Edit item' : 'Create item';
  $('#delete-item').hidden = !item;
  itemDialog.querySelector('[name="item-format"][value="dynamo"]').checked = true;
  showItemText(template, 'dynamo');
  openDialog(itemDialog, opener);
  $('#item-text').focus();
}

$('#create-item').addEventListener('click', (event) => openItemEditor(null, event.currentTarget));

for (const radio of itemDialog.querySelectorAll('[name="item-format"]')) {
  radio.addEventListener('change', () => {
    const to = radio.value;
    const from = to === 'plain' ? 'dynamo' : 'plain';
    clearError(itemDialog);
    try {
      showItemText(parseItemText(from), to);
    } catch (e) {
      itemDialog.querySelector(`[name="item-format"][value="${from}"]`).checked = true;
      showError(e, itemDialog);
    }
  });
}

$('#item-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await attempt(async () => {
    const item = parseItemText();
    await client.call('PutItem', { TableName: browser.table.TableName, Item: item });
    const keyChanged = editing && JSON.stringify(itemKey(editing)) !== JSON.stringify(itemKey(item));
    itemDialog.close('saved');
    await readPage();
    announce(keyChanged ? 'Saved as a new item (its key changed); the original item is unchanged' : 'Item saved');
  }, itemDialog);
});

$('#delete-item').addEventListener('click', async () => {
  const item = editing;
  itemDialog.close('delete');
  await deleteItem(item, null);
});

// ---------- the table's stream, live (only when the emulator has the DynamoDB Streams API) ----------

/** The shard iterators being polled, or null when not watching. */
let streamWatch = null;

function showStreamPanel(table) {
  stopWatchingStream();
  const enabled = streamsSupported && table.StreamSpecification?.StreamEnabled && table.LatestStreamArn;
  $('#stream').hidden = !enabled;
  $('#stream-records').replaceChildren();
  if (enabled) $('#stream-info').textContent = `${table.StreamSpecification.StreamViewType}: ${table.LatestStreamArn}`;
}

function stopWatchingStream() {
  if (streamWatch) clearTimeout(streamWatch.timer);
  streamWatch = null;
  $('#stream-toggle').setAttribute('aria-pressed', 'false');
  $('#stream-toggle').textContent = 'Watch new stream records';
}

async function startWatchingStream(arn) {
  const { StreamDescription } = await client.call('DescribeStream', { StreamArn: arn }, STREAMS);
  const open = StreamDescription.Shards.filter((shard) => !shard.SequenceNumberRange?.EndingSequenceNumber);
  const iterators = await Promise.all(open.map((shard) => client.call('GetShardIterator',
    { StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'LATEST' }, STREAMS).then((r) => r.ShardIterator)));
  streamWatch = { iterators, timer: null };
  $('#stream-toggle').setAttribute('aria-pressed', 'true');
  $('#stream-toggle').textContent = 'Stop watching';
  announce('Watching the stream: new records appear below');
  await pollStream(streamWatch);
}

async function pollStream(watch) {
  const next = [];
  for (const iterator of watch.iterators.filter(Boolean)) {
    const answer = await client.call('GetRecords', { ShardIterator: iterator }, STREAMS);
    if (streamWatch !== watch) return; // stopped meanwhile
    for (const record of answer.Records ?? []) showStreamRecord(record);
    next.push(answer.NextShardIterator);
  }
  watch.iterators = next;
  watch.timer = setTimeout(() => pollStream(watch).catch((e) => {
    stopWatchingStream();
    showError(e);
  }), STREAM_POLL_MS);
}

function showStreamRecord(record) {
  const data = record.dynamodb ?? {};
  const image = data.NewImage ?? data.OldImage;
  const text = `${record.eventName} ${formatPlainJson(data.Keys ?? {}).replace(/\s+/g, ' ')}`
    + (image ? ` → ${formatPlainJson(image).replace(/\s+/g, ' ')}` : '');
  const list = $('#stream-records');
  list.append(el('li', { textContent: text }));
  while (list.children.length > STREAM_RECORDS_SHOWN) list.firstElementChild.remove();
}

$('#stream-toggle').addEventListener('click', () => attempt(async () => {
  if (streamWatch) {
    stopWatchingStream();
    announce('Stopped watching the stream');
  } else {
    await startWatchingStream(browser.table.LatestStreamArn);
  }
}));

// ---------- PartiQL (only when the emulator has ExecuteStatement) ----------

/** The statement last run, with the token of its next page (DynamoDB pages statement results too). */
let partiql = null;

async function runStatement() {
  const answer = await client.call('ExecuteStatement',
    partiql.nextToken ? { ...partiql.request, NextToken: partiql.nextToken } : partiql.request);
  const items = answer.Items ?? [];
  const columns = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const results = $('#partiql-results');
  $('thead', results).replaceChildren(el('tr', {}, ...columns.map((c) => el('th', { scope: 'col', textContent: c }))));
  $('tbody', results).replaceChildren(...items.map((item) => el('tr', {},
    ...columns.map((c) => el('td', { textContent: summarize(item[c]) })))));
  results.hidden = false;
  partiql.nextToken = answer.NextToken ?? null;
  $('#partiql-next').hidden = !partiql.nextToken;
  announce(`Statement returned ${plural(items.length, 'item')}${partiql.nextToken ? ', more on the next page' : ''}`);
}

$('#partiql-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await attempt(async () => {
    const request = { Statement: $('#partiql-statement').value, Limit: Number($('#partiql-limit').value) || 25 };
    const parameters = parseJsonField('#partiql-parameters', 'Parameters');
    if (parameters) request.Parameters = parameters;
    partiql = { request, nextToken: null };
    await runStatement();
  });
});

$('#partiql-next').addEventListener('click', () => attempt(runStatement));

// ---------- navigation ----------

async function route() {
  const match = location.hash.match(/^#table\/(.+)$/);
  const tableName = match ? decodeURIComponent(match[1]) : null;
  stopWatchingStream();
  $('#tables-view').hidden = Boolean(tableName);
  $('#items-view').hidden = !tableName;
  clearError();
  await attempt(async () => {
    if (tableName) {
      await showItems(tableName);
      $('#items-heading').focus();
    } else {
      await showTables();
    }
  });
  document.title = tableName ? `${tableName} – Dynamoid console` : 'Dynamoid console';
}

// The skip link moves focus without touching the #fragment, which names the open table.
$('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  $('#main').focus();
});

$('#back-to-tables').addEventListener('click', (event) => {
  event.preventDefault();
  location.hash = '';
});
$('#refresh-tables').addEventListener('click', () => attempt(showTables));
window.addEventListener('hashchange', async () => {
  await route();
  if (!location.hash.startsWith('#table/')) $('#tables-heading').focus();
});

async function start() {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(localStorage.getItem('dynamoid-console') ?? '{}');
  const accessKey = params.get('accessKey') ?? saved.accessKey ?? DEFAULT_ACCESS_KEY;
  const region = params.get('region') ?? saved.region ?? DEFAULT_REGION;
  $('#access-key').value = accessKey;
  $('#region').value = region;
  connect(accessKey, region);
  const [partiql, streams] = await Promise.all([client.supports('ExecuteStatement'), client.supports('ListStreams', STREAMS)]);
  $('#partiql').hidden = !partiql;
  streamsSupported = streams;
  await route();
  document.body.dataset.ready = 'true';
}

start();
