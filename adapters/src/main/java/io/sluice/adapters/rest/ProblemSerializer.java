package io.sluice.adapters.rest;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import org.zalando.problem.Problem;
import org.zalando.problem.StatusType;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Writes a {@link Problem} as RFC 9457 JSON: {@code type}, {@code title}, {@code status} (a number),
 * {@code detail}, {@code instance}, then every extension member such as {@code code} at the top
 * level, and never a stack trace.
 */
@Singleton
class ProblemSerializer implements Serializer<Problem> {

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Problem> type, Problem problem)
            throws IOException {
        Encoder object = encoder.encodeObject(type);
        writeUri(object, "type", problem.getType());
        writeString(object, "title", problem.getTitle());
        StatusType status = problem.getStatus();
        if (status != null) {
            object.encodeKey("status");
            object.encodeInt(status.getStatusCode());
        }
        writeString(object, "detail", problem.getDetail());
        writeUri(object, "instance", problem.getInstance());
        for (Map.Entry<String, Object> member : problem.getParameters().entrySet()) {
            object.encodeKey(member.getKey());
            writeValue(object, context, member.getValue());
        }
        object.finishStructure();
    }

    private static void writeString(Encoder object, String key, String value) throws IOException {
        if (value != null) {
            object.encodeKey(key);
            object.encodeString(value);
        }
    }

    private static void writeUri(Encoder object, String key, URI value) throws IOException {
        writeString(object, key, value == null ? null : value.toString());
    }

    private static void writeValue(Encoder object, EncoderContext context, Object value) throws IOException {
        if (value == null) {
            object.encodeNull();
            return;
        }
        Serializer<? super Object> serializer = context.findSerializer(Argument.OBJECT_ARGUMENT)
                .createSpecific(context, Argument.OBJECT_ARGUMENT);
        serializer.serialize(object, context, Argument.OBJECT_ARGUMENT, value);
    }
}
