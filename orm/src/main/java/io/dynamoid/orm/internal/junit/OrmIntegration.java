package io.dynamoid.orm.internal.junit;

import io.dynamoid.junit.spi.ClassSession;
import io.dynamoid.junit.spi.Configurer;
import io.dynamoid.junit.spi.DynamoidIntegration;
import io.dynamoid.junit.spi.TestEndpoint;
import io.dynamoid.orm.Dynamoid;
import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Model;

import java.util.List;

/**
 * The ORM in {@code @DynamoidTest}: injects the class's {@link Dynamoid}, creates the tables of {@link Model}
 * classes listed in {@code models}, takes {@link DynamoidConfig.Builder} settings. Registered in
 * {@code META-INF/services}; only loaded when {@code dynamoid-junit} is on the classpath (it is an optional
 * dependency of the ORM).
 */
public final class OrmIntegration implements DynamoidIntegration {

    @Override
    public List<Class<?>> injectableTypes() {
        return List.of(Dynamoid.class);
    }

    @Override
    public boolean isModel(Class<?> type) {
        return Model.class.isAssignableFrom(type);
    }

    @Override
    public List<Class<?>> configurableTypes() {
        return List.of(DynamoidConfig.Builder.class);
    }

    @Override
    public ClassSession open(TestEndpoint endpoint, List<Configurer<?>> configurers) {
        return new OrmClassSession(config(endpoint, configurers));
    }

    /**
     * The test's settings, then the endpoint: LOCAL for an emulator (the ORM's emulator keys), AWS with the region
     * and default credentials for real DynamoDB; on a shared endpoint, the class's namespace.
     */
    static DynamoidConfig config(TestEndpoint endpoint, List<Configurer<?>> configurers) {
        DynamoidConfig.Builder builder = Configurer.applyAll(configurers, DynamoidConfig.Builder.class, DynamoidConfig.builder())
                .endpoint(endpoint.uri());
        if (endpoint.aws()) {
            builder.aws(endpoint.region());
        } else {
            builder.adapter(DynamoidConfig.Adapter.LOCAL);
        }
        if (!endpoint.namespace().isEmpty()) {
            builder.namespace(endpoint.namespace());
        }
        return builder.build();
    }
}
