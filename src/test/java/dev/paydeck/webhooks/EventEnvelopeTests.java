package dev.paydeck.webhooks;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading what Paydeck stores of an event from its raw body, as stripe-java's {@code Event} would give it. */
class EventEnvelopeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheFieldsWhereverTheyAreAndWhateverSurroundsThem() {
        String payload = """
                {"object":"event","data":{"previous_attributes":{"id":"not_this"},
                 "object":{"metadata":{"id":"nor_this"},"id":"pi_123","amount":2000,"charges":[{"id":"ch_1"}]}},
                 "livemode":true,"api_version":"2026-07-29.dahlia","id":"evt_1","request":{"id":null},
                 "type":"payment_intent.succeeded","created":1790000000,"pending_webhooks":1}""";

        assertThat(EventEnvelope.read(JSON, payload)).contains(
                new EventEnvelope("evt_1", "payment_intent.succeeded", 1790000000L, true, "pi_123"));
    }

    @Test
    void anObjectWithoutAnIdAndAMissingLivemodeAreAllowed() {
        assertThat(EventEnvelope.read(JSON, """
                {"id":"evt_2","type":"balance.available","created":5,"data":{"object":{"object":"balance"}}}"""))
                .contains(new EventEnvelope("evt_2", "balance.available", 5, false, null));
    }

    @Test
    void whatIsNotAStripeEventIsRefused() {
        for (String payload : new String[] {"", "this is not json", "[]", "\"evt\"", "null",
                "{\"type\":\"x.y\",\"created\":1}",
                "{\"id\":\"evt_3\",\"created\":1}",
                "{\"id\":\"evt_3\",\"type\":\"x.y\"}",
                "{\"id\":\"evt_3\",\"type\":\"x.y\",\"created\":\"1\"}",
                "{\"id\":7,\"type\":\"x.y\",\"created\":1}",
                "{\"id\":\"evt_3\",\"type\":\"x.y\",\"created\":1",
                "{\"id\":\"evt_3\",\"type\":\"x.y\",\"created\":1,\"data\":{\"object\":{]}}",
                "{\"id\":\"evt_3\",\"type\":\"x.y\",\"created\":1} {}"}) {
            assertThat(EventEnvelope.read(JSON, payload)).as(payload).isEmpty();
        }
    }
}
