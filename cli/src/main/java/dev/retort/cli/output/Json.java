package dev.retort.cli.output;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON writer of the CLI: records in, pretty-printed JSON out, properties in record
 * component order (that order is part of the documented shapes), nulls kept so that every
 * documented key is always present.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
