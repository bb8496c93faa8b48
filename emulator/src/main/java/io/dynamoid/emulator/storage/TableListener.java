package io.dynamoid.emulator.storage;

/**
 * Told about every change to a database's set of tables and to their definitions (CreateTable, DeleteTable,
 * UpdateTable and other definition swaps): the seam persistence uses to record them. {@link #tableAdded} is
 * called before the table becomes visible, so no write to it can be heard of first; the others right after
 * the change. Keep it quick and never call back into the database.
 */
public interface TableListener {
    void tableAdded(Table table);

    void tableRemoved(Table table);

    void definitionChanged(Table table, TableDefinition newDefinition);
}
