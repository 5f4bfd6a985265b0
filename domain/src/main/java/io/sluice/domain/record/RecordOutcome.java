package io.sluice.domain.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a calculation engine made of one record: output values by output name (in the service's
 * order; an Excel error appears as its error string), the warnings and errors raised, and the time
 * it took. An outcome with errors still carries whatever outputs could be computed.
 */
public record RecordOutcome(Map<String, Object> outputs, List<Warning> warnings, List<RecordError> errors,
                            long processTimeNanos) {

    public RecordOutcome {
        outputs = outputs instanceof FixedKeyMap ? outputs : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
        errors = errors.isEmpty() ? List.of() : List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
