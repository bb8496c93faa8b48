package io.dynamoid.orm;

/**
 * Bean Validation group of constraints checked only when a new record is saved, besides the Default group:
 * {@code @NotNull(groups = OnCreate.class) String invitationCode;}
 */
public interface OnCreate {
}
