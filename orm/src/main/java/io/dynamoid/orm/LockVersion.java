package io.dynamoid.orm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking (Dynamoid's {@code lock_version}): an {@code int}/{@code long} field incremented by every
 * save; a save or destroy whose stored version differs from the one read fails with
 * {@link StaleObjectException}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LockVersion {
}
