package io.dynamoid.emulator.operations;

/**
 * Behaviour switches operations read.
 *
 * @param maxItemSizeBytes the item size limit (DynamoDB's 400 KB)
 */
public record EmulatorSettings(int maxItemSizeBytes) {
    public static final EmulatorSettings DEFAULTS = new EmulatorSettings(400 * 1024);
}
