package io.dynamoid.orm;

/** No item has the key asked for (find, reload, update of a record deleted meanwhile). */
public class RecordNotFoundException extends DynamoidException {
    public RecordNotFoundException(String message) {
        super(message);
    }

    public RecordNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
