package dev.paydeck.webhooks;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * What Paydeck stores of a Stripe event besides its raw body: {@code id}, {@code type}, {@code created},
 * {@code livemode} and the id of {@code data.object}.
 *
 * <p>Read in one streaming pass over the body instead of building stripe-java's {@code Event} (which
 * {@code Webhook.constructEvent} does with Gson): the listeners read the full event later, from the stored body. The
 * pass still reads the whole body, so a body that is not one well-formed JSON object is refused as before.
 */
record EventEnvelope(String id, String type, long created, boolean livemode, String objectId) {

    /** The envelope of a Stripe event; empty when the body is not a JSON object with an id, a type and created. */
    static Optional<EventEnvelope> read(JsonMapper json, String payload) {
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String id = null;
            String type = null;
            Long created = null;
            boolean livemode = false;
            String objectId = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "created" -> created = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
                    case "livemode" -> livemode = value == JsonToken.VALUE_TRUE;
                    case "data" -> objectId = value == JsonToken.START_OBJECT ? objectIdOfData(parser) : skip(parser);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
            return id == null || type == null || created == null ? Optional.empty()
                    : Optional.of(new EventEnvelope(id, type, created, livemode, objectId));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /** Reads {@code data} (the parser is on its START_OBJECT) up to its end: the {@code id} of its {@code object}. */
    private static String objectIdOfData(JsonParser parser) {
        String objectId = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (name.equals("object") && value == JsonToken.START_OBJECT) {
                for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                    JsonToken fieldValue = parser.nextToken();
                    if (field.equals("id") && fieldValue == JsonToken.VALUE_STRING) {
                        objectId = parser.getString();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return objectId;
    }

    private static String skip(JsonParser parser) {
        parser.skipChildren();
        return null;
    }
}
