package io.sluice.adapters.jdbc;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.sluice.domain.service.FieldType;
import io.sluice.domain.service.SchemaField;
import io.sluice.domain.service.ServiceSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A version's schema as the JSON text stored with it. */
final class SchemaJson {

    private static final Argument<Map<String, List<Map<String, Object>>>> DOCUMENT =
            Argument.mapOf(Argument.STRING, Argument.listOf(Argument.mapOf(String.class, Object.class)));

    private final JsonMapper json;

    SchemaJson(JsonMapper json) {
        this.json = json;
    }

    String write(ServiceSchema schema) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("inputs", schema.inputs().stream().map(SchemaJson::field).toList());
        document.put("outputs", schema.outputs().stream().map(SchemaJson::field).toList());
        try {
            return new String(json.writeValueAsBytes(document), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ServiceSchema read(String text) {
        try {
            Map<String, List<Map<String, Object>>> document = json.readValue(text.getBytes(StandardCharsets.UTF_8), DOCUMENT);
            return new ServiceSchema(document.get("inputs").stream().map(SchemaJson::field).toList(),
                    document.get("outputs").stream().map(SchemaJson::field).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> field(SchemaField field) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", field.name());
        map.put("sheet", field.sheet());
        map.put("address", field.address());
        map.put("type", field.type().apiName());
        map.put("default", field.defaultValue());
        map.put("columns", field.columns());
        return map;
    }

    @SuppressWarnings("unchecked")
    private static SchemaField field(Map<String, Object> map) {
        return new SchemaField((String) map.get("name"), (String) map.get("sheet"), (String) map.get("address"),
                FieldType.fromApiName((String) map.get("type")), map.get("default"),
                map.get("columns") == null ? List.of() : (List<String>) map.get("columns"));
    }
}
