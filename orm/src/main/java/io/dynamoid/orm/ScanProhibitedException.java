package io.dynamoid.orm;

/** A read would Scan the whole table while the configuration forbids scans (errorOnScan). */
public class ScanProhibitedException extends DynamoidException {
    public ScanProhibitedException(String message) {
        super(message);
    }

    public ScanProhibitedException(String message, Throwable cause) {
        super(message, cause);
    }
}
