package io.dynamoid.orm;

/**
 * What an around callback ({@link AroundSave}, {@link AroundCreate}...) receives: calling {@link #proceed()}
 * runs the rest of the chain (inner callbacks and the write). Call it at most once; not calling it halts.
 */
@FunctionalInterface
public interface Proceed {
    void proceed();
}
