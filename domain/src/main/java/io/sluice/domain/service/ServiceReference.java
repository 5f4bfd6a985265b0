package io.sluice.domain.service;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a caller names the service to run, in any of the forms of the Batch API v4:
 * {@code folder/name}, {@code folder/name[1.4.3]}, {@code folder/name[1.4]} (newest 1.4.x),
 * {@code folder/name[1]}, {@code /folders/folder/services/name} (optionally with a version
 * selector too), or the UUID of a service or of one of its versions.
 */
public sealed interface ServiceReference {

    Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    Pattern LONG_FORM = Pattern.compile("/?folders/([^/\\[\\]]+)/services/([^/\\[\\]]+?)(?:\\[([^\\]]*)])?");
    Pattern SHORT_FORM = Pattern.compile("/?([^/\\[\\]]+)/([^/\\[\\]]+?)(?:\\[([^\\]]*)])?");

    /** A service by folder and name, with the versions it accepts. */
    record ByPath(ServicePath path, VersionPattern versions) implements ServiceReference {
        public ByPath {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(versions, "versions");
        }
    }

    /** A service id or a version id: which one is found out by looking it up. */
    record ById(UUID id) implements ServiceReference {
        public ById {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * @throws IllegalArgumentException saying which forms are accepted when {@code text} is none of them
     */
    static ServiceReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("service must name a service: folder/name, folder/name[1.4.3] or a UUID");
        }
        String trimmed = text.trim();
        if (UUID_FORM.matcher(trimmed).matches()) {
            return new ById(UUID.fromString(trimmed));
        }
        Matcher m = LONG_FORM.matcher(trimmed);
        if (!m.matches()) {
            m = SHORT_FORM.matcher(trimmed);
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("service '" + text + "' is none of folder/name, folder/name[1.4.3], "
                    + "folder/name[1.4], folder/name[1], /folders/f/services/s or a UUID");
        }
        VersionPattern versions = m.group(3) == null ? VersionPattern.any() : VersionPattern.parse(m.group(3));
        return new ByPath(new ServicePath(m.group(1), m.group(2)), versions);
    }
}
