package io.sluice.domain.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which outputs of a service a caller keeps: {@code output} of the Batch and Execute APIs, each
 * entry an output name or a regular expression matched against the whole name. No entries keeps
 * every output. Resolve it once per service version with {@link #select(List)}, never per record.
 */
public final class OutputSelection {

    private static final OutputSelection ALL = new OutputSelection(List.of(), List.of());

    private final List<String> entries;
    private final List<Pattern> patterns;

    private OutputSelection(List<String> entries, List<Pattern> patterns) {
        this.entries = entries;
        this.patterns = patterns;
    }

    /** Every output, in the service's order. */
    public static OutputSelection all() {
        return ALL;
    }

    /**
     * @throws IllegalArgumentException naming the entry when one is blank or not a valid regular expression
     */
    public static OutputSelection of(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return ALL;
        }
        List<Pattern> patterns = new ArrayList<>(entries.size());
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("output entries must not be blank");
            }
            try {
                patterns.add(Pattern.compile(entry));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("output entry '" + entry + "' is neither a name nor a valid regular expression: "
                        + e.getDescription(), e);
            }
        }
        return new OutputSelection(List.copyOf(entries), List.copyOf(patterns));
    }

    public boolean keepsAll() {
        return patterns.isEmpty();
    }

    /** The entries as the caller gave them; empty when every output is kept. */
    public List<String> entries() {
        return entries;
    }

    /** The outputs kept, in the service's order: those equal to an entry or matching one as a whole. */
    public List<String> select(List<String> outputNames) {
        if (keepsAll()) {
            return List.copyOf(outputNames);
        }
        List<String> kept = new ArrayList<>();
        for (String name : outputNames) {
            if (entries.contains(name) || patterns.stream().anyMatch(p -> p.matcher(name).matches())) {
                kept.add(name);
            }
        }
        return List.copyOf(kept);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputSelection that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }

    @Override
    public String toString() {
        return keepsAll() ? "all outputs" : "outputs " + entries;
    }
}
