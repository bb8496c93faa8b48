#!/usr/bin/env node
// Conformance check through the AWS SDK for JavaScript v3 (@aws-sdk/client-dynamodb): a table's and an
// item's whole lifecycle, plus DynamoDB's errors.
// Usage: node sdk-js-check.mjs ENDPOINT    e.g. node sdk-js-check.mjs http://127.0.0.1:8000
// Credentials and region come from the environment; fake ones are filled in when unset.
// Prints one line per check and exits non-zero when any check fails.
import { isDeepStrictEqual } from 'node:util'
import {
  BatchWriteItemCommand, CreateTableCommand, DeleteItemCommand, DeleteTableCommand, DescribeTableCommand,
  DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand, QueryCommand, UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'

if (process.argv.length !== 3) {
  console.error('usage: node sdk-js-check.mjs ENDPOINT')
  process.exit(2)
}
const client = new DynamoDBClient({
  endpoint: process.argv[2],
  region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1',
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID || 'conformance',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY || 'conformance',
  },
})
const table = `conformance-js-${process.pid}-${Math.floor(Math.random() * 100000)}`
let checks = 0
let failures = 0

function check (description, actual, expected) {
  checks++
  if (isDeepStrictEqual(actual, expected)) {
    console.log(`ok - ${description}`)
  } else {
    failures++
    console.log(`FAIL - ${description}\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`)
  }
}

const send = (command) => client.send(command)

/** Sends command expecting a DynamoDB error; resolves to [code, message], or ['no error', result]. */
async function errorOf (command) {
  try {
    return ['no error', await send(command)]
  } catch (e) {
    if (!e.$metadata) throw e // not an answer from the service
    return [e.name, e.message]
  }
}

/** Polls DescribeTable (up to 10 s) until the table's status is wanted or the table is gone. */
async function statusAfterWaiting (wanted) {
  let status
  for (let i = 0; i < 100 && status !== wanted; i++) {
    const [code, answer] = await errorOf(new DescribeTableCommand({ TableName: table }))
    status = code === 'no error' ? answer.Table.TableStatus : code
    if (status !== wanted) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return status
}

const KEY = { pk: { S: 'item-1' }, sk: { N: '1.0' } }
const ITEM = {
  pk: { S: 'item-1' }, sk: { N: '01' },
  price: { N: '012.50' }, big: { N: '1E+3' },
  flag: { BOOL: true }, nothing: { NULL: true }, blob: { B: Uint8Array.of(0, 1, 2, 255) },
  tags: { SS: ['red', 'blue'] }, scores: { NS: ['3', '1.50'] },
  list: { L: [{ S: 'x' }, { N: '2.0' }] },
  map: { M: { level1: { M: { word: { S: 'deep' } } } } },
}
// ITEM as DynamoDB returns it: numbers normalized, sets sorted (their order is not part of the API).
const NORMALIZED = {
  pk: { S: 'item-1' }, sk: { N: '1' },
  price: { N: '12.5' }, big: { N: '1000' },
  flag: { BOOL: true }, nothing: { NULL: true }, blob: { B: Uint8Array.of(0, 1, 2, 255) },
  tags: { SS: ['blue', 'red'] }, scores: { NS: ['1.5', '3'] },
  list: { L: [{ S: 'x' }, { N: '2' }] },
  map: { M: { level1: { M: { word: { S: 'deep' } } } } },
}
const comparable = (item) => Object.fromEntries(Object.entries(item || {}).map(([name, value]) => [name,
  Object.fromEntries(Object.entries(value).map(([type, v]) =>
    [type, type === 'B' ? Uint8Array.from(v) : ['SS', 'NS'].includes(type) ? [...v].sort() : v]))]))

const created = await send(new CreateTableCommand({
  TableName: table,
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  BillingMode: 'PAY_PER_REQUEST',
}))
check("CreateTable answers with the table's name", created.TableDescription.TableName, table)
check('the table becomes ACTIVE', await statusAfterWaiting('ACTIVE'), 'ACTIVE')
check('CreateTable of an existing table fails with ResourceInUseException', (await errorOf(new CreateTableCommand({
  TableName: table,
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
})))[0], 'ResourceInUseException')

const described = (await send(new DescribeTableCommand({ TableName: table }))).Table
check('DescribeTable shows the key schema', described.KeySchema,
  [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }])
check('DescribeTable shows the attribute definitions',
  [...described.AttributeDefinitions].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName)),
  [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }])
check('DescribeTable shows the billing mode', described.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST')
check("DescribeTable shows the table's ARN", described.TableArn.endsWith(`:table/${table}`), true)
check('ListTables lists the table', (await send(new ListTablesCommand({}))).TableNames.includes(table), true)

check('PutItem of a new item returns no old attributes',
  (await send(new PutItemCommand({ TableName: table, Item: ITEM, ReturnValues: 'ALL_OLD' }))).Attributes, undefined)
check('GetItem (key number written differently) reads the item back, numbers normalized',
  comparable((await send(new GetItemCommand({ TableName: table, Key: KEY, ConsistentRead: true }))).Item),
  NORMALIZED)
check('GetItem with ProjectionExpression returns only the projected attributes',
  (await send(new GetItemCommand({
    TableName: table, Key: KEY, ProjectionExpression: 'price, #m.level1', ExpressionAttributeNames: { '#m': 'map' },
  }))).Item,
  { price: { N: '12.5' }, map: { M: { level1: { M: { word: { S: 'deep' } } } } } })
check('GetItem of an absent key returns no item',
  (await send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'item-2' }, sk: { N: '1' } } }))).Item, undefined)
// Messages as real DynamoDB words them (reproduced by dynalite's db/index.js validateItem/validateKey).
check("PutItem without the sort key fails with DynamoDB's ValidationException",
  await errorOf(new PutItemCommand({ TableName: table, Item: { pk: { S: 'item-3' } } })),
  ['ValidationException', 'One or more parameter values were invalid: Missing the key sk in the item'])
check("GetItem with a partial key fails with DynamoDB's ValidationException",
  await errorOf(new GetItemCommand({ TableName: table, Key: { pk: { S: 'item-1' } } })),
  ['ValidationException', 'The provided key element does not match the schema'])
check('GetItem on a missing table fails with ResourceNotFoundException',
  await errorOf(new GetItemCommand({ TableName: `${table}-missing`, Key: KEY })),
  ['ResourceNotFoundException', 'Requested resource not found'])

const deleted = await send(new DeleteItemCommand({ TableName: table, Key: KEY, ReturnValues: 'ALL_OLD' }))
check('DeleteItem returns the old item', comparable(deleted.Attributes), NORMALIZED)
check('the deleted item is gone',
  (await send(new GetItemCommand({ TableName: table, Key: KEY, ConsistentRead: true }))).Item, undefined)

check('BatchWriteItem writes every item', (await send(new BatchWriteItemCommand({
  RequestItems: {
    [table]: ['2', '1', '3'].map((sk) => ({ PutRequest: { Item: { pk: { S: 'query' }, sk: { N: sk }, n: { N: sk } } } })),
  },
}))).UnprocessedItems, {})
check('Query with a sort key condition returns the matching items, descending', (await send(new QueryCommand({
  TableName: table,
  KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
  ExpressionAttributeValues: { ':pk': { S: 'query' }, ':low': { N: '1' }, ':high': { N: '2' } },
  ScanIndexForward: false,
  ConsistentRead: true,
}))).Items.map((item) => item.sk.N), ['2', '1'])
check('UpdateItem applies SET, ADD and REMOVE and returns the updated attributes', (await send(new UpdateItemCommand({
  TableName: table,
  Key: { pk: { S: 'query' }, sk: { N: '1' } },
  UpdateExpression: 'SET #s = :word ADD n :two REMOVE absent',
  ExpressionAttributeNames: { '#s': 'status' },
  ExpressionAttributeValues: { ':word': { S: 'done' }, ':two': { N: '2' } },
  ReturnValues: 'UPDATED_NEW',
}))).Attributes, { status: { S: 'done' }, n: { N: '3' } })
check('UpdateItem whose condition fails raises ConditionalCheckFailedException', await errorOf(new UpdateItemCommand({
  TableName: table,
  Key: { pk: { S: 'query' }, sk: { N: '1' } },
  UpdateExpression: 'SET n = :ten',
  ConditionExpression: 'n > :ten',
  ExpressionAttributeValues: { ':ten': { N: '10' } },
})), ['ConditionalCheckFailedException', 'The conditional request failed'])

check("DeleteTable answers with the table's name",
  (await send(new DeleteTableCommand({ TableName: table }))).TableDescription.TableName, table)
check('DescribeTable of the deleted table fails with ResourceNotFoundException',
  await statusAfterWaiting('ResourceNotFoundException'), 'ResourceNotFoundException')
check('ListTables no longer lists the table',
  (await send(new ListTablesCommand({}))).TableNames.includes(table), false)

if (failures > 0) {
  console.log(`sdk-js conformance: ${failures} of ${checks} checks FAILED`)
  process.exit(1)
}
console.log(`sdk-js conformance: all ${checks} checks passed`)
