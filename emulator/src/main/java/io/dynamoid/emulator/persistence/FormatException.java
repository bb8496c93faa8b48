package io.dynamoid.emulator.persistence;

/** A record whose checksum matched but whose content is not what this format version writes. */
final class FormatException extends RuntimeException {
    FormatException(String message) {
        super(message);
    }
}
