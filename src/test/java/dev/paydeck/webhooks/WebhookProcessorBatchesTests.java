package dev.paydeck.webhooks;

import dev.paydeck.shared.OrganizationId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How claimed events are split into the batches processed in one transaction each. */
class WebhookProcessorBatchesTests {

    private static final OrganizationId ORGANIZATION = new OrganizationId(UUID.randomUUID());

    @Test
    void aFewEventsMakeOneBatch() {
        List<StripeEventReceived> claimed = List.of(event("pi_b", 1), event("pi_a", 2), event("pi_c", 3));

        assertThat(WebhookProcessor.batches(claimed)).hasSize(1);
    }

    @Test
    void manyEventsAreSplitEvenlyIntoBatchesOfAtMostTheLimit() {
        List<StripeEventReceived> claimed = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            claimed.add(event("pi_" + i, i));
        }

        List<List<StripeEventReceived>> batches = WebhookProcessor.batches(claimed);

        assertThat(batches).hasSize(3);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.size()).isBetween(5, WebhookProcessor.BATCH));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(17);
    }

    @Test
    void eventsAreOrderedByObjectThenAsClaimedSoTheEventsOfOneObjectKeepTheirOrder() {
        List<StripeEventReceived> claimed = List.of(event("pi_b", 1), event("pi_a", 2), event(null, 3),
                event("pi_b", 4), event("pi_a", 5));

        List<StripeEventReceived> batch = WebhookProcessor.batches(claimed).getFirst();

        assertThat(batch).extracting(StripeEventReceived::objectId)
                .containsExactly("pi_a", "pi_a", "pi_b", "pi_b", null);
        assertThat(batch).extracting(StripeEventReceived::created).containsExactly(2L, 5L, 1L, 4L, 3L);
    }

    private static StripeEventReceived event(String objectId, long created) {
        return new StripeEventReceived(ORGANIZATION, UUID.randomUUID(), "evt_" + created, "payment_intent.succeeded",
                objectId, created, false, "{}", 1);
    }
}
