package io.dynamoid.orm;

/** The model's table does not exist (and was not created: createTableOnSave is off or this was a read). */
public class TableNotFoundException extends DynamoidException {
    public TableNotFoundException(String message) {
        super(message);
    }

    public TableNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
