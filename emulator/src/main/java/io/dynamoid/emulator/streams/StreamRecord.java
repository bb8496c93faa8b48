package io.dynamoid.emulator.streams;

import io.dynamoid.emulator.protocol.AttrValue;

import java.util.Map;

/**
 * One stream record as GetRecords shows it.
 *
 * @param sequence       position in the database's sequence (shown as {@link Sequences#format})
 * @param eventName      INSERT, MODIFY or REMOVE
 * @param createdMillis  when the change was committed
 * @param newImage       the item after the change, when the view type shows it (else null)
 * @param oldImage       the item before the change, when the view type shows it (else null)
 * @param ttlExpiry      a deletion DynamoDB made itself because the item's TTL passed
 */
public record StreamRecord(long sequence, String eventId, String eventName, long createdMillis,
                           Map<String, AttrValue> keys, Map<String, AttrValue> newImage,
                           Map<String, AttrValue> oldImage, int sizeBytes, String viewType, boolean ttlExpiry) {
}
