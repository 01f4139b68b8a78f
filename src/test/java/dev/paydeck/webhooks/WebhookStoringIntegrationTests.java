package dev.paydeck.webhooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events arriving together are stored together (one commit for the group), yet each delivery gets its own answer:
 * stored once however often and however concurrently Stripe sends it, and never a 2xx for an event that was not
 * stored.
 */
class WebhookStoringIntegrationTests extends WebhookTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        newOrganization();
    }

    @Test
    void aBurstOfConcurrentDeliveriesAndRedeliveriesStoresEachEventOnceAndAnswersEachOk() throws Exception {
        int count = 150;
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String payload = event(newEventId(), "balance.available", Instant.now().getEpochSecond(),
                    "{\"object\":\"balance\"}");
            payloads.add(payload);
            payloads.add(payload);
            if (i % 3 == 0) {
                payloads.add(payload);
            }
        }
        Collections.shuffle(payloads);

        List<HttpResponse<String>> responses = deliverAll(payloads);

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        long storedAnswers = responses.stream().filter(response -> json(response).has("id")).count();
        long duplicateAnswers = responses.stream().filter(response -> json(response).has("duplicate")).count();
        assertThat(storedAnswers).isEqualTo(count);
        assertThat(duplicateAnswers).isEqualTo(payloads.size() - count);
        assertThat(storedEvents()).isEqualTo(count);
        assertThat(jdbc.sql("select count(distinct stripe_event_id) from webhook_events where organization_id = ?")
                .param(UUID.fromString(organization)).query(Long.class).single()).isEqualTo(count);
    }

    @Test
    void anEventTheDatabaseRefusesIsAnsweredUnavailableAndNotStoredWhileTheOthersAreStored() throws Exception {
        String refused = "evt_refused_" + UUID.randomUUID().toString().replace("-", "");
        // A database failure for that one event only, whichever group it is written in.
        jdbc.sql("""
                create or replace function test_refuse_webhook_event() returns trigger language plpgsql as $$
                begin
                    if new.stripe_event_id like 'evt_refused_%' then
                        raise exception 'refused by the test';
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("""
                create trigger test_refuse_webhook_event before insert on webhook_events
                    for each row execute function test_refuse_webhook_event()""").update();
        List<String> payloads = new ArrayList<>();
        String refusedPayload = event(refused, "balance.available", Instant.now().getEpochSecond(),
                "{\"object\":\"balance\"}");
        List<HttpResponse<String>> responses;
        try {
            for (int i = 0; i < 60; i++) {
                payloads.add(event(newEventId(), "balance.available", Instant.now().getEpochSecond(),
                        "{\"object\":\"balance\"}"));
            }
            payloads.add(30, refusedPayload);
            responses = deliverAll(payloads);
        } finally {
            jdbc.sql("drop trigger test_refuse_webhook_event on webhook_events").update();
            jdbc.sql("drop function test_refuse_webhook_event()").update();
        }

        for (int i = 0; i < payloads.size(); i++) {
            HttpResponse<String> response = responses.get(i);
            if (payloads.get(i).equals(refusedPayload)) {
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(storedEvents()).isEqualTo(payloads.size() - 1);
        assertThat(jdbc.sql("select count(*) from webhook_events where stripe_event_id = ?").param(refused)
                .query(Long.class).single()).isZero();

        var retried = deliver(refusedPayload);
        assertThat(retried.statusCode()).as("Stripe's retry once the database is back").isEqualTo(200);
        assertThat(json(retried).has("id")).isTrue();
    }

    /** Delivers every payload at the same time (each signed now), answers in the payloads' order. */
    private List<HttpResponse<String>> deliverAll(List<String> payloads) throws Exception {
        try (ExecutorService senders = Executors.newFixedThreadPool(32)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String payload : payloads) {
                sent.add(senders.submit(() -> deliver(payload)));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get());
            }
            return responses;
        }
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from webhook_events where organization_id = ?")
                .param(UUID.fromString(organization)).query(Long.class).single();
    }
}
