package io.bikecast.prediction.request;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.JsonFieldsException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads a {@link PredictRequest} in the form its fields name: natural if any field of the natural form is present,
 * UCI otherwise (so an empty object is a UCI request missing all its features). Choosing by field rather than by a
 * discriminator keeps the public JSON what clients already send. A form's record is then read with the mapper's own
 * rules (unknown fields and wrong types refused); fields of both forms are refused here, each named, before either is
 * read.
 */
final class PredictRequestDeserializer extends ValueDeserializer<PredictRequest> {

    private static final Set<String> UCI_ONLY = ownFields(UciPredictRequest.class);
    private static final Set<String> NATURAL_ONLY = ownFields(NaturalPredictRequest.class);

    @Override
    public PredictRequest deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            return context.reportInputMismatch(
                    PredictRequest.class, "a prediction request is a JSON object, in the UCI or the natural form");
        }
        // Tokens, not a tree: the form is told from the top-level names, then the same tokens are read as its record.
        // A JsonNode tree and a second read of it were 7% of a prediction's CPU.
        TokenBuffer body = context.bufferAsCopyOfValue(parser);
        Set<String> present = topLevelNames(body, context);
        List<String> uci = UCI_ONLY.stream().filter(present::contains).sorted().toList();
        boolean natural = NATURAL_ONLY.stream().anyMatch(present::contains);
        if (natural && !uci.isEmpty()) {
            JsonNode node = context.readTree(body.asParserOnFirstToken(context));
            throw new JsonFieldsException(
                    parser,
                    PredictRequest.class,
                    uci.stream()
                            .map(field -> new InvalidField(
                                    field,
                                    "belongs to the UCI form, but this request uses the natural form ("
                                            + NaturalPredictRequest.FIELDS + "); send the fields of one form only",
                                    node.get(field)))
                            .toList());
        }
        Class<? extends PredictRequest> form = natural ? NaturalPredictRequest.class : UciPredictRequest.class;
        try (JsonParser tokens = body.asParserOnFirstToken(context, parser)) {
            return context.readValue(tokens, form);
        }
    }

    private static Set<String> topLevelNames(TokenBuffer body, DeserializationContext context) {
        Set<String> names = new HashSet<>();
        try (JsonParser tokens = body.asParserOnFirstToken(context)) {
            while (tokens.nextToken() == JsonToken.PROPERTY_NAME) {
                names.add(tokens.currentName());
                tokens.nextToken();
                tokens.skipChildren();
            }
        }
        return names;
    }

    /** The JSON fields of one form that the other does not have. */
    private static Set<String> ownFields(Class<? extends Record> form) {
        return Arrays.stream(form.getRecordComponents())
                .map(component -> component.getName())
                .filter(name -> !PredictRequest.SHARED_FIELDS.contains(name))
                .collect(Collectors.toUnmodifiableSet());
    }
}
