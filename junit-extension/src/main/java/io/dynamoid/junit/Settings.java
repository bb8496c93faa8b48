package io.dynamoid.junit;

import io.dynamoid.junit.spi.Configurer;

import java.nio.file.Path;
import java.util.List;

/** What a test class asked for, from {@link DynamoidTest} or {@link DynamoidExtension.Builder}. */
record Settings(Reset reset, List<Class<?>> models, Path dataDirectory, List<Configurer<?>> configurers) {

    static final Settings DEFAULTS = new Settings(Reset.NONE, List.of(), null, List.of());

    static Settings of(DynamoidTest annotation) {
        String directory = annotation.dataDirectory();
        return new Settings(annotation.reset(), List.of(annotation.models()),
                directory.isEmpty() ? null : Path.of(directory), List.of());
    }
}
