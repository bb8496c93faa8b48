package io.dynamoid.orm;

/** A per-model or per-field switch that can defer to the configuration (annotations cannot hold null). */
public enum Setting {
    DEFAULT, TRUE, FALSE;

    /** This setting's value, or {@code fallback} when it defers. */
    public boolean or(boolean fallback) {
        return this == DEFAULT ? fallback : this == TRUE;
    }
}
