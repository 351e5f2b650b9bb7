package dev.wheelsh.shell.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one way commands print `--json`: indented, one document per command (schemas in docs/cli.md). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String pretty(Object document) throws JsonProcessingException {
        return MAPPER.writeValueAsString(document);
    }
}
