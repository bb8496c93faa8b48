package io.dynamoid.junit;

import io.dynamoid.junit.spi.Configurer;
import io.dynamoid.junit.spi.DynamoidIntegration;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The {@link DynamoidIntegration}s on the classpath, loaded once (immutable). */
final class Integrations {
    private static final List<DynamoidIntegration> ALL = ServiceLoader.load(DynamoidIntegration.class,
            DynamoidIntegration.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    private Integrations() {
    }

    static List<DynamoidIntegration> all() {
        return ALL;
    }

    static Optional<DynamoidIntegration> injecting(Class<?> type) {
        return ALL.stream().filter(i -> i.injectableTypes().contains(type)).findFirst();
    }

    static Optional<DynamoidIntegration> owningModel(Class<?> model) {
        return ALL.stream().filter(i -> i.isModel(model)).findFirst();
    }

    /** Fails, naming what is missing, unless every model and configurer has an integration to take it. */
    static void check(Settings settings) {
        List<Class<?>> orphans = settings.models().stream().filter(m -> owningModel(m).isEmpty()).toList();
        if (!orphans.isEmpty()) {
            throw new ExtensionConfigurationException("No integration on the classpath creates tables for the models "
                    + orphans.stream().map(Class::getName).collect(Collectors.joining(", ")) + ": " + found()
                    + ". Models of the Dynamoid ORM need io.dynamoid:dynamoid-orm on the test classpath.");
        }
        for (Configurer<?> configurer : settings.configurers()) {
            if (ALL.stream().noneMatch(i -> i.configurableTypes().contains(configurer.type()))) {
                throw new ExtensionConfigurationException("No integration on the classpath takes configuration of type "
                        + configurer.type().getName() + ": " + found()
                        + ". The Dynamoid ORM's DynamoidConfig.Builder needs io.dynamoid:dynamoid-orm on the test classpath.");
            }
        }
    }

    private static String found() {
        return ALL.isEmpty() ? "none is" : ALL.stream().map(i -> i.getClass().getName()).collect(Collectors.joining(", "))
                + (ALL.size() == 1 ? " is" : " are") + " there";
    }
}
