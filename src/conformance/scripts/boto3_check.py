#!/usr/bin/env python3
"""Conformance check through boto3: a table's and an item's whole lifecycle, plus DynamoDB's errors.

Usage: boto3_check.py ENDPOINT    e.g. boto3_check.py http://127.0.0.1:8000
Credentials and region come from the environment; fake ones are filled in when unset.
Prints one line per check and exits non-zero when any check fails.
"""
import os
import random
import sys
import time

import boto3
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1] if len(sys.argv) == 2 else sys.exit("usage: boto3_check.py ENDPOINT")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "conformance")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "conformance")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

client = boto3.client("dynamodb", endpoint_url=ENDPOINT)
table = f"conformance-boto3-{os.getpid()}-{random.randrange(100000)}"
results = {"checks": 0, "failures": 0}


def check(description, actual, expected):
    results["checks"] += 1
    if actual == expected:
        print(f"ok - {description}")
    else:
        results["failures"] += 1
        print(f"FAIL - {description}\n  expected: {expected!r}\n  actual:   {actual!r}")


def error_of(call):
    """Runs call, expecting a DynamoDB error; returns (code, message), or ('no error', result)."""
    try:
        return "no error", call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"].get("Message", "")


def status_after_waiting(wanted):
    """Polls DescribeTable (up to 10 s) until the table's status is wanted or the table is gone."""
    status = None
    for _ in range(100):
        code, answer = error_of(lambda: client.describe_table(TableName=table))
        status = answer["Table"]["TableStatus"] if code == "no error" else code
        if status == wanted:
            break
        time.sleep(0.1)
    return status


KEY = {"pk": {"S": "item-1"}, "sk": {"N": "1.0"}}
ITEM = {
    "pk": {"S": "item-1"}, "sk": {"N": "01"},
    "price": {"N": "012.50"}, "big": {"N": "1E+3"},
    "flag": {"BOOL": True}, "nothing": {"NULL": True}, "blob": {"B": b"\x00\x01\x02\xff"},
    "tags": {"SS": ["red", "blue"]}, "scores": {"NS": ["3", "1.50"]},
    "list": {"L": [{"S": "x"}, {"N": "2.0"}]},
    "map": {"M": {"level1": {"M": {"word": {"S": "deep"}}}}},
}
# ITEM as DynamoDB returns it: numbers normalized, sets compared as sets (their order is not part of the API).
NORMALIZED = {
    "pk": {"S": "item-1"}, "sk": {"N": "1"},
    "price": {"N": "12.5"}, "big": {"N": "1000"},
    "flag": {"BOOL": True}, "nothing": {"NULL": True}, "blob": {"B": b"\x00\x01\x02\xff"},
    "tags": {"SS": {"blue", "red"}}, "scores": {"NS": {"1.5", "3"}},
    "list": {"L": [{"S": "x"}, {"N": "2"}]},
    "map": {"M": {"level1": {"M": {"word": {"S": "deep"}}}}},
}


def comparable(item):
    return {name: {t: set(v) if t in ("SS", "NS", "BS") else v for t, v in value.items()}
            for name, value in item.items()}


created = client.create_table(
    TableName=table,
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                          {"AttributeName": "sk", "AttributeType": "N"}],
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    BillingMode="PAY_PER_REQUEST")
check("CreateTable answers with the table's name", created["TableDescription"]["TableName"], table)
check("the table becomes ACTIVE", status_after_waiting("ACTIVE"), "ACTIVE")
check("CreateTable of an existing table fails with ResourceInUseException",
      error_of(lambda: client.create_table(
          TableName=table, AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
          KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST"))[0],
      "ResourceInUseException")

described = client.describe_table(TableName=table)["Table"]
check("DescribeTable shows the key schema", described["KeySchema"],
      [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}])
check("DescribeTable shows the attribute definitions",
      sorted(described["AttributeDefinitions"], key=lambda d: d["AttributeName"]),
      [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}])
check("DescribeTable shows the billing mode", described["BillingModeSummary"]["BillingMode"], "PAY_PER_REQUEST")
check("DescribeTable shows the table's ARN", described["TableArn"].endswith(":table/" + table), True)
check("ListTables lists the table", table in client.list_tables()["TableNames"], True)

check("PutItem of a new item returns no old attributes",
      "Attributes" in client.put_item(TableName=table, Item=ITEM, ReturnValues="ALL_OLD"), False)
check("GetItem (key number written differently) reads the item back, numbers normalized",
      comparable(client.get_item(TableName=table, Key=KEY, ConsistentRead=True).get("Item", {})),
      NORMALIZED)
check("GetItem with ProjectionExpression returns only the projected attributes",
      client.get_item(TableName=table, Key=KEY, ProjectionExpression="price, #m.level1",
                      ExpressionAttributeNames={"#m": "map"}).get("Item"),
      {"price": {"N": "12.5"}, "map": {"M": {"level1": {"M": {"word": {"S": "deep"}}}}}})
check("GetItem of an absent key returns no item",
      "Item" in client.get_item(TableName=table, Key={"pk": {"S": "item-2"}, "sk": {"N": "1"}}), False)
# Messages as real DynamoDB words them (reproduced by dynalite's db/index.js validateItem/validateKey).
check("PutItem without the sort key fails with DynamoDB's ValidationException",
      error_of(lambda: client.put_item(TableName=table, Item={"pk": {"S": "item-3"}})),
      ("ValidationException", "One or more parameter values were invalid: Missing the key sk in the item"))
check("GetItem with a partial key fails with DynamoDB's ValidationException",
      error_of(lambda: client.get_item(TableName=table, Key={"pk": {"S": "item-1"}})),
      ("ValidationException", "The provided key element does not match the schema"))
check("GetItem on a missing table fails with ResourceNotFoundException",
      error_of(lambda: client.get_item(TableName=table + "-missing", Key=KEY)),
      ("ResourceNotFoundException", "Requested resource not found"))

check("DeleteItem returns the old item",
      comparable(client.delete_item(TableName=table, Key=KEY, ReturnValues="ALL_OLD").get("Attributes", {})),
      NORMALIZED)
check("the deleted item is gone", "Item" in client.get_item(TableName=table, Key=KEY, ConsistentRead=True), False)

check("BatchWriteItem writes every item",
      client.batch_write_item(RequestItems={table: [
          {"PutRequest": {"Item": {"pk": {"S": "query"}, "sk": {"N": sk}, "n": {"N": sk}}}} for sk in ("2", "1", "3")]})
      .get("UnprocessedItems"), {})
check("Query with a sort key condition returns the matching items, descending",
      [item["sk"]["N"] for item in client.query(
          TableName=table, KeyConditionExpression="pk = :pk AND sk BETWEEN :low AND :high",
          ExpressionAttributeValues={":pk": {"S": "query"}, ":low": {"N": "1"}, ":high": {"N": "2"}},
          ScanIndexForward=False, ConsistentRead=True)["Items"]],
      ["2", "1"])
check("UpdateItem applies SET, ADD and REMOVE and returns the updated attributes",
      client.update_item(
          TableName=table, Key={"pk": {"S": "query"}, "sk": {"N": "1"}},
          UpdateExpression="SET #s = :word ADD n :two REMOVE absent", ExpressionAttributeNames={"#s": "status"},
          ExpressionAttributeValues={":word": {"S": "done"}, ":two": {"N": "2"}}, ReturnValues="UPDATED_NEW")
      .get("Attributes"),
      {"status": {"S": "done"}, "n": {"N": "3"}})
check("UpdateItem whose condition fails raises ConditionalCheckFailedException",
      error_of(lambda: client.update_item(
          TableName=table, Key={"pk": {"S": "query"}, "sk": {"N": "1"}}, UpdateExpression="SET n = :ten",
          ConditionExpression="n > :ten", ExpressionAttributeValues={":ten": {"N": "10"}})),
      ("ConditionalCheckFailedException", "The conditional request failed"))

check("DeleteTable answers with the table's name",
      client.delete_table(TableName=table)["TableDescription"]["TableName"], table)
check("DescribeTable of the deleted table fails with ResourceNotFoundException",
      status_after_waiting("ResourceNotFoundException"), "ResourceNotFoundException")
check("ListTables no longer lists the table", table in client.list_tables()["TableNames"], False)

if results["failures"]:
    print(f"boto3 conformance: {results['failures']} of {results['checks']} checks FAILED")
    sys.exit(1)
print(f"boto3 conformance: all {results['checks']} checks passed")
