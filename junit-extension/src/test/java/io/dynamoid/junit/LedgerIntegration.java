package io.dynamoid.junit;

import io.dynamoid.junit.spi.ClassSession;
import io.dynamoid.junit.spi.Configurer;
import io.dynamoid.junit.spi.DynamoidIntegration;
import io.dynamoid.junit.spi.TestEndpoint;

import java.util.List;

/**
 * A stand-in for a library built on the extension (the ORM's is in dynamoid-orm), registered in this module's
 * test {@code META-INF/services}: injects a {@link Ledger} per class, creates the tables of {@link Ledger.Entry}
 * classes, takes {@link Ledger.Settings}.
 */
public final class LedgerIntegration implements DynamoidIntegration {

    @Override
    public List<Class<?>> injectableTypes() {
        return List.of(Ledger.class);
    }

    @Override
    public boolean isModel(Class<?> type) {
        return Ledger.Entry.class.isAssignableFrom(type);
    }

    @Override
    public List<Class<?>> configurableTypes() {
        return List.of(Ledger.Settings.class);
    }

    @Override
    public ClassSession open(TestEndpoint endpoint, List<Configurer<?>> configurers) {
        return new Ledger(endpoint, Configurer.applyAll(configurers, Ledger.Settings.class, new Ledger.Settings("plain")));
    }
}
