package io.dynamoid.orm.internal.lifecycle;

import io.dynamoid.orm.Change;
import io.dynamoid.orm.Violation;

import java.util.List;
import java.util.Map;

/** What one record remembers of its lifecycle: the violations of its last validation and its last save's changes. */
public final class RecordLifecycle {
    private List<Violation> violations = List.of();
    private Map<String, Change> previousChanges = Map.of();

    public List<Violation> violations() {
        return violations;
    }

    public void violations(List<Violation> violations) {
        this.violations = List.copyOf(violations);
    }

    public Map<String, Change> previousChanges() {
        return previousChanges;
    }

    public void previousChanges(Map<String, Change> changes) {
        this.previousChanges = changes;
    }
}
