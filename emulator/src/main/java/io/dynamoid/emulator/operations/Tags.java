package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dynamoid.emulator.protocol.Errors;
import io.dynamoid.emulator.storage.Databases;
import io.dynamoid.emulator.storage.Table;
import io.dynamoid.emulator.validation.Shape;

import java.util.regex.Pattern;

import static io.dynamoid.emulator.validation.Shape.list;
import static io.dynamoid.emulator.validation.Shape.string;

/**
 * What TagResource, UntagResource and ListTagsOfResource share: the ResourceArn checks in DynamoDB's order
 * (after dynalite's validations/tagResource.js): missing → "Invalid TableArn"; not ARN-shaped →
 * AccessDeniedException; the operation's own list; not a table ARN → "Invalid TableArn: ...".
 */
final class Tags {
    static final int MAX_TAGS = 50;
    private static final Pattern ARN_SHAPED = Pattern.compile(".+:.+:.+:.+:.+:.+/.+");
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws:dynamodb:.+:\\d+:table/[^/]{2}[^/]+");

    private Tags() {
    }

    /** The Tags member of TagResource and CreateTable; lengths from the API model (TagKeyString, TagValueString). */
    static Shape tagList() {
        return list(Shape.valueStruct("Tag").notNull()
                .with("Key", string().notNull().minLength(1).maxLength(128))
                .with("Value", string().notNull().maxLength(256)));
    }

    /** Checks ResourceArn up to its shape; {@code listMember} (Tags, TagKeys) must not be null in between. */
    static String checkArn(ObjectNode request, String operation, String listMember) {
        JsonNode arn = request.get("ResourceArn");
        if (arn == null) throw Errors.validation("Invalid TableArn");
        String value = arn.textValue();
        if (!ARN_SHAPED.matcher(value).matches()) {
            throw Errors.accessDenied("User: arn:aws:iam::" + Databases.ACCOUNT_ID + ":root is not authorized to perform: dynamodb:"
                    + operation + " on resource: " + (value.isEmpty() ? "*" : value));
        }
        if (listMember != null && request.get(listMember) == null) {
            throw Errors.validation("1 validation error detected: Value null at '" + Character.toLowerCase(listMember.charAt(0))
                    + listMember.substring(1) + "' failed to satisfy constraint: Member must not be null");
        }
        if (!TABLE_ARN.matcher(value).matches()) {
            throw Errors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + value);
        }
        return value;
    }

    /** The table the ARN names, or ResourceNotFoundException with {@code notFoundMessage}. */
    static Table table(RequestContext context, String arn, String notFoundMessage) {
        Table table = context.database().table(arn);
        if (table == null) throw Errors.resourceNotFound(notFoundMessage);
        return table;
    }
}
