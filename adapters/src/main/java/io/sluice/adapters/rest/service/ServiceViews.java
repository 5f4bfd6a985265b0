package io.sluice.adapters.rest.service;

import io.sluice.application.port.ServiceRegistry.ServicePage;
import io.sluice.domain.record.RecordError;
import io.sluice.domain.record.Warning;
import io.sluice.domain.service.SchemaField;
import io.sluice.domain.service.ServiceVersion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents of the services and execute APIs, field names in snake_case. */
final class ServiceViews {

    private ServiceViews() {
    }

    static Map<String, Object> version(ServiceVersion v) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_id", v.serviceId().toString());
        view.put("version_id", v.versionId().toString());
        view.put("version", v.version().toString());
        view.put("folder", v.path().folder());
        view.put("service", v.path().name());
        view.put("service_uri", v.uri());
        view.put("effective_start", text(v.effectiveStart()));
        view.put("effective_end", text(v.effectiveEnd()));
        view.put("published_at", text(v.publishedAt()));
        view.put("published_by", v.publishedBy());
        view.put("retired_at", text(v.retiredAt()));
        view.put("status", v.isRetired() ? "retired" : "published");
        view.put("file_name", v.fileName());
        view.put("file_size", v.fileSize());
        return view;
    }

    static Map<String, Object> versionWithSchema(ServiceVersion v) {
        Map<String, Object> view = version(v);
        view.put("inputs", v.schema().inputs().stream().map(ServiceViews::field).toList());
        view.put("outputs", v.schema().outputs().stream().map(ServiceViews::field).toList());
        return view;
    }

    private static Map<String, Object> field(SchemaField f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", f.name());
        view.put("sheet", f.sheet());
        view.put("address", f.address());
        view.put("type", f.type().apiName());
        view.put("default", f.defaultValue());
        if (!f.columns().isEmpty()) {
            view.put("columns", f.columns());
        }
        return view;
    }

    static Map<String, Object> page(ServicePage page) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("data", page.services().stream().map(s -> {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_id", s.serviceId().toString());
            service.put("folder", s.path().folder());
            service.put("service", s.path().name());
            service.put("latest_version", s.latestVersion());
            service.put("version_count", s.versionCount());
            service.put("created_at", text(s.createdAt()));
            return service;
        }).toList());
        view.put("page", page.page());
        view.put("size", page.size());
        view.put("total", page.total());
        return view;
    }

    static List<Map<String, Object>> warnings(List<Warning> warnings) {
        return warnings.stream().map(w -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("source_path", w.sourcePath());
            view.put("message", w.message());
            return view;
        }).toList();
    }

    static List<Map<String, Object>> errors(List<RecordError> errors) {
        return errors.stream().map(e -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("source_path", e.sourcePath());
            view.put("message", e.message());
            view.put("error_category", e.errorCategory());
            view.put("error_type", e.errorType());
            return view;
        }).toList();
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
