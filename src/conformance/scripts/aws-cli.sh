#!/usr/bin/env bash
# Conformance check through the AWS CLI (v1 or v2): a table's and an item's whole lifecycle.
# Usage: aws-cli.sh ENDPOINT    e.g. aws-cli.sh http://127.0.0.1:8000
# Credentials and region come from the environment; fake ones are filled in when unset.
# Prints one line per check and exits non-zero when any check fails.
set -uo pipefail
endpoint="${1:?usage: aws-cli.sh ENDPOINT}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-conformance}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-conformance}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
table="conformance-cli-$$-$RANDOM"

# CLI v2 decodes blob input as base64 by default, v1 sends it as raw text: make both send raw text.
binary_format=()
case "$(aws --version 2>&1)" in
  aws-cli/1.*) ;;
  *) binary_format=(--cli-binary-format raw-in-base64-out) ;;
esac

failures=0
checks=0
check() { # check DESCRIPTION ACTUAL EXPECTED
  checks=$((checks + 1))
  if [ "$2" == "$3" ]; then
    echo "ok - $1"
  else
    failures=$((failures + 1))
    printf 'FAIL - %s\n  expected: %s\n  actual:   %s\n' "$1" "$3" "$2"
  fi
}
ddb() { # ddb OPERATION ARGS... : one DynamoDB call, text output, stderr merged into the result
  aws dynamodb "$@" --endpoint-url "$endpoint" --output text "${binary_format[@]}" 2>&1
}
wait_for_status() { # wait_for_status STATUS : polls DescribeTable (up to 10 s) until the table has STATUS
  local status=""
  for _ in $(seq 50); do
    status="$(ddb describe-table --table-name "$table" --query Table.TableStatus)"
    [ "$status" == "$1" ] && break
    sleep 0.2
  done
  echo "$status"
}
wait_for_deletion() { # polls DescribeTable (up to 10 s) until it answers ResourceNotFoundException
  local answer=""
  for _ in $(seq 50); do
    answer="$(ddb describe-table --table-name "$table" --query Table.TableStatus)"
    case "$answer" in *ResourceNotFoundException*) echo ResourceNotFoundException; return ;; esac
    sleep 0.2
  done
  echo "$answer"
}

key='{"pk": {"S": "item-1"}, "sk": {"N": "1.0"}}'
item='{
  "pk": {"S": "item-1"}, "sk": {"N": "01"},
  "price": {"N": "012.50"}, "big": {"N": "1E+3"},
  "flag": {"BOOL": true}, "nothing": {"NULL": true}, "blob": {"B": "bytes!"},
  "tags": {"SS": ["red", "blue"]}, "scores": {"NS": ["3", "1.50"]},
  "list": {"L": [{"S": "x"}, {"N": "2.0"}]},
  "map": {"M": {"level1": {"M": {"word": {"S": "deep"}}}}}
}'

check "create-table answers with the table's name" \
  "$(ddb create-table --table-name "$table" \
      --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=N \
      --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
      --billing-mode PAY_PER_REQUEST --query TableDescription.TableName)" "$table"
check "the table becomes ACTIVE" "$(wait_for_status ACTIVE)" ACTIVE
check "describe-table shows the key schema, attribute definitions, billing mode and ARN" \
  "$(ddb describe-table --table-name "$table" --query "[
      join(' ', Table.KeySchema[].join(':', [AttributeName, KeyType])),
      join(' ', sort_by(Table.AttributeDefinitions, &AttributeName)[].join(':', [AttributeName, AttributeType])),
      Table.BillingModeSummary.BillingMode, ends_with(Table.TableArn, ':table/$table')]")" \
  "$(printf 'pk:HASH sk:RANGE\tpk:S sk:N\tPAY_PER_REQUEST\tTrue')"
check "list-tables lists the table" \
  "$(ddb list-tables --query "contains(TableNames, '$table')")" True

check "put-item of a new item returns no old attributes" \
  "$(ddb put-item --table-name "$table" --item "$item" --return-values ALL_OLD --query Attributes)" None
check "get-item (key number written differently) reads every attribute back, numbers normalized" \
  "$(ddb get-item --table-name "$table" --key "$key" --consistent-read --query '[
      Item.pk.S, Item.sk.N, Item.price.N, Item.big.N, Item.flag.BOOL, Item.nothing.NULL, Item.blob.B,
      join(`,`, sort(Item.tags.SS)), join(`,`, sort(Item.scores.NS)), Item.list.L[0].S, Item.list.L[1].N,
      Item.map.M.level1.M.word.S, length(keys(Item))]')" \
  "$(printf '%s\t' item-1 1 12.5 1000 True True Ynl0ZXMh blue,red 1.5,3 x 2 deep)11"
check "get-item with ProjectionExpression returns only the projected attributes" \
  "$(ddb get-item --table-name "$table" --key "$key" --projection-expression 'price, #m.level1' \
      --expression-attribute-names '{"#m": "map"}' --query '[join(`,`, sort(keys(Item))), Item.map.M.level1.M.word.S]')" \
  "$(printf 'map,price\tdeep')"
check "get-item of an absent key returns no item" \
  "$(ddb get-item --table-name "$table" --key '{"pk": {"S": "item-2"}, "sk": {"N": "1"}}' --query Item)" None
check "delete-item returns the old item" \
  "$(ddb delete-item --table-name "$table" --key "$key" --return-values ALL_OLD --query '[Attributes.pk.S, Attributes.price.N]')" \
  "$(printf 'item-1\t12.5')"
check "the deleted item is gone" \
  "$(ddb get-item --table-name "$table" --key "$key" --consistent-read --query Item)" None
check "get-item on a missing table fails with ResourceNotFoundException" \
  "$(ddb get-item --table-name "$table-missing" --key "$key" | grep -o ResourceNotFoundException)" ResourceNotFoundException

check "batch-write-item writes every item" \
  "$(ddb batch-write-item --request-items "{\"$table\": [
      {\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"query\"}, \"sk\": {\"N\": \"2\"}, \"n\": {\"N\": \"2\"}}}},
      {\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"query\"}, \"sk\": {\"N\": \"1\"}, \"n\": {\"N\": \"1\"}}}},
      {\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"query\"}, \"sk\": {\"N\": \"3\"}, \"n\": {\"N\": \"3\"}}}}]}" \
      --query 'length(keys(UnprocessedItems))')" 0
check "query with a sort key condition returns the matching items, descending" \
  "$(ddb query --table-name "$table" --key-condition-expression 'pk = :pk AND sk BETWEEN :low AND :high' \
      --expression-attribute-values '{":pk": {"S": "query"}, ":low": {"N": "1"}, ":high": {"N": "2"}}' \
      --no-scan-index-forward --consistent-read --query 'join(`,`, Items[].sk.N)')" "2,1"
check "update-item applies SET, ADD and REMOVE and returns the updated attributes" \
  "$(ddb update-item --table-name "$table" --key '{"pk": {"S": "query"}, "sk": {"N": "1"}}' \
      --update-expression 'SET #s = :word ADD n :two REMOVE absent' --expression-attribute-names '{"#s": "status"}' \
      --expression-attribute-values '{":word": {"S": "done"}, ":two": {"N": "2"}}' --return-values UPDATED_NEW \
      --query '[join(`,`, sort(keys(Attributes))), Attributes.status.S, Attributes.n.N]')" \
  "$(printf 'n,status\tdone\t3')"
check "update-item whose condition fails answers ConditionalCheckFailedException" \
  "$(ddb update-item --table-name "$table" --key '{"pk": {"S": "query"}, "sk": {"N": "1"}}' \
      --update-expression 'SET n = :ten' --condition-expression 'n > :ten' \
      --expression-attribute-values '{":ten": {"N": "10"}}' | grep -o 'ConditionalCheckFailedException')" \
  ConditionalCheckFailedException

check "delete-table answers with the table's name" \
  "$(ddb delete-table --table-name "$table" --query TableDescription.TableName)" "$table"
check "describe-table of the deleted table fails with ResourceNotFoundException" "$(wait_for_deletion)" ResourceNotFoundException
check "list-tables no longer lists the table" \
  "$(ddb list-tables --query "contains(TableNames, '$table')")" False

if [ "$failures" -ne 0 ]; then
  echo "aws-cli conformance: $failures of $checks checks FAILED"
  exit 1
fi
echo "aws-cli conformance: all $checks checks passed"
