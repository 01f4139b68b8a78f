package dev.paydeck.billing;

import com.stripe.net.ApiResource;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which subscription snapshots Paydeck applies without reading Stripe: a renewal and nothing else. */
class SubscriptionRenewalsTests {

    private static final long MAY = 1_777_593_600L;
    private static final long JUNE = 1_780_272_000L;
    private static final long JULY = 1_782_864_000L;

    private final Subscription held = held("active", MAY, JUNE, "price_basic", 1, false);

    @Test
    void aLaterPeriodWithTheSameTermsIsARenewal() {
        assertThat(SubscriptionRenewals.renewsOnly(held, snapshot("active", JUNE, JULY, "price_basic", 1, false,
                "{\"plan\": \"basic\"}"))).isTrue();
    }

    @Test
    void theSamePeriodOrAnEarlierOneIsNot() {
        assertThat(SubscriptionRenewals.renewsOnly(held, snapshot("active", MAY, JUNE, "price_basic", 1, false,
                "{\"plan\": \"basic\"}"))).isFalse();
        assertThat(SubscriptionRenewals.renewsOnly(held(("active"), JUNE, JULY, "price_basic", 1, false),
                snapshot("active", MAY, JUNE, "price_basic", 1, false, "{\"plan\": \"basic\"}"))).isFalse();
    }

    @Test
    void anyOtherDifferenceIsNot() {
        // Each would undo what a newer state (say a plan change Paydeck made) did: read from Stripe instead.
        assertThat(SubscriptionRenewals.renewsOnly(held, snapshot("active", JUNE, JULY, "price_pro", 1, false,
                "{\"plan\": \"basic\"}"))).as("another price").isFalse();
        assertThat(SubscriptionRenewals.renewsOnly(held, snapshot("active", JUNE, JULY, "price_basic", 3, false,
                "{\"plan\": \"basic\"}"))).as("another quantity").isFalse();
        assertThat(SubscriptionRenewals.renewsOnly(held, snapshot("active", JUNE, JULY, "price_basic", 1, true,
                "{\"plan\": \"basic\"}"))).as("cancelling at the period's end").isFalse();
        assertThat(SubscriptionRenewals.renewsOnly(held, snapshot("past_due", JUNE, JULY, "price_basic", 1, false,
                "{\"plan\": \"basic\"}"))).as("another status").isFalse();
        assertThat(SubscriptionRenewals.renewsOnly(held, snapshot("active", JUNE, JULY, "price_basic", 1, false,
                "{\"plan\": \"gold\"}"))).as("other metadata").isFalse();
    }

    @Test
    void anEarlierPeriodIsOlderThanTheRecord() {
        assertThat(SubscriptionRenewals.olderThan(held(("active"), JUNE, JULY, "price_basic", 1, false),
                snapshot("past_due", MAY, JUNE, "price_pro", 2, true, "{}"))).isTrue();
        assertThat(SubscriptionRenewals.olderThan(held, snapshot("active", MAY, JUNE, "price_basic", 1, false,
                "{\"plan\": \"basic\"}"))).as("the same period").isFalse();
        assertThat(SubscriptionRenewals.olderThan(held, snapshot("active", JUNE, JULY, "price_basic", 1, false,
                "{\"plan\": \"basic\"}"))).as("a later one").isFalse();
    }

    private static Subscription held(String status, long start, long end, String price, long quantity,
            boolean cancelAtPeriodEnd) {
        return new Subscription(SubscriptionId.random(), "sub_1", CustomerId.random(), "cus_1",
                SubscriptionStatus.parse(status).orElseThrow(), SubscriptionDraft.CHARGE_AUTOMATICALLY, null, null,
                "usd", List.of(new Subscription.Item("si_1", PriceId.random(), price, quantity,
                        Money.of(1500, "usd"))), time(start), time(end), null, null, cancelAtPeriodEnd, null, null,
                "in_1", Map.of("plan", "basic"), time(start), time(start));
    }

    private static com.stripe.model.Subscription snapshot(String status, long start, long end, String price,
            long quantity, boolean cancelAtPeriodEnd, String metadata) {
        return ApiResource.GSON.fromJson("""
                {"id": "sub_1", "object": "subscription", "status": "%s", "customer": "cus_1", "currency": "usd",
                 "collection_method": "charge_automatically", "cancel_at_period_end": %s, "latest_invoice": "in_2",
                 "metadata": %s,
                 "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
                   "quantity": %d, "current_period_start": %d, "current_period_end": %d,
                   "price": {"id": "%s", "object": "price", "currency": "usd", "unit_amount": 1500}}]}}
                """.formatted(status, cancelAtPeriodEnd, metadata, quantity, start, end, price),
                com.stripe.model.Subscription.class);
    }

    private static OffsetDateTime time(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    }
}
