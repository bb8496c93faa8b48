package io.dynamoid.junit;

import io.dynamoid.orm.DynamoidConfig;
import io.dynamoid.orm.Model;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** What a test class asked for, from {@link DynamoidTest} or {@link DynamoidExtension.Builder}. */
record Settings(Reset reset, List<Class<? extends Model<?>>> models, Path dataDirectory,
                UnaryOperator<DynamoidConfig.Builder> config) {

    static final Settings DEFAULTS = new Settings(Reset.NONE, List.of(), null, UnaryOperator.identity());

    static Settings of(DynamoidTest annotation) {
        String directory = annotation.dataDirectory();
        return new Settings(annotation.reset(), List.of(annotation.models()),
                directory.isEmpty() ? null : Path.of(directory), UnaryOperator.identity());
    }
}
