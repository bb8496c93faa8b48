package io.dynamoid.emulator.operations;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** A response body, written with Jackson's streaming generator straight into the HTTP buffer. */
@FunctionalInterface
public interface Response {
    Response EMPTY = g -> {
        g.writeStartObject();
        g.writeEndObject();
    };

    void write(JsonGenerator g) throws IOException;
}
