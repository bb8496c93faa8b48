package io.dynamoid.orm;

/**
 * Bean Validation group of constraints checked only when an existing record is saved, besides the Default
 * group: {@code @NotNull(groups = OnUpdate.class) String reviewedBy;}
 */
public interface OnUpdate {
}
