package io.dynamoid.emulator.persistence;

/**
 * The data directory cannot be used: locked by another process, damaged, written by a newer release, or
 * failing to write. The message names the file (and offset) concerned.
 */
public final class PersistenceException extends RuntimeException {
    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
