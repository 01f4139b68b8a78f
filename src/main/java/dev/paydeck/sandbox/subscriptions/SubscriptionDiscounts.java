package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.discounts.Discounts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A subscription's {@code discounts} ({@code discounts[0][coupon]}, {@code [promotion_code]} or an existing
 * {@code [discount]}; {@code discounts=""} removes them): each coupon or code redeemed once, when the subscription
 * takes it ({@link Discounts}), and applied to the lines of the subscription's items on its invoices as the coupon's
 * {@code duration} says: {@code once} on the first invoice that bills something (then the discount is removed),
 * {@code repeating} on the invoices made before its {@code end} ({@code duration_in_months} after it started),
 * {@code forever} on all of them. Prorations (pending invoice items) are not discounted by the sandbox.
 */
@Component
class SubscriptionDiscounts {

    private final ObjectStore store;
    private final Discounts discounts;

    SubscriptionDiscounts(ObjectStore store, Discounts discounts) {
        this.store = store;
        this.discounts = discounts;
    }

    /**
     * Replaces the subscription's discounts by those given (null: none); those made for it start at {@code now} (its
     * clock's time: a test clock's for its customer's).
     */
    void apply(String accountId, ObjectNode subscription, List<Object> given, long now) {
        String subscriptionId = subscription.get("id").asString();
        discounts.apply(accountId, subscription, given, new Discounts.Target(subscription.get("customer").asString(),
                subscription.get("currency").asString(), null, null));
        ArrayNode ids = (ArrayNode) subscription.get("discounts");
        ArrayNode terms = (ArrayNode) subscription.get("_discounts");
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode discount = store.find(accountId, ids.get(i).asString()).orElseThrow();
            ObjectNode coupon = store.find(accountId, discount.at("/source/coupon").asString()).orElse(null);
            String duration = coupon == null ? "once" : coupon.path("duration").asString("once");
            if (discount.path("subscription").isNull() && discount.path("invoice").isNull()
                    && discount.path("invoice_item").isNull()) {
                // A discount made for this subscription: its own, ending after its months when repeating.
                discount.put("subscription", subscriptionId);
                discount.put("start", now);
                if ("repeating".equals(duration)) {
                    discount.put("end", Instant.ofEpochSecond(now).atZone(ZoneOffset.UTC)
                            .plusMonths(coupon.get("duration_in_months").asLong()).toEpochSecond());
                }
                store.update(accountId, discount);
            }
            ObjectNode kept = (ObjectNode) terms.get(i);
            kept.put("_duration", duration);
            kept.set("_end", discount.get("end"));
        }
    }

    /**
     * Puts the discounts that apply at {@code now} on the lines of the subscription's items, and removes from the
     * subscription a {@code once} discount so used and those whose {@code end} has passed.
     */
    void onLines(ObjectNode subscription, List<ObjectNode> lines, long now) {
        JsonNode terms = subscription.path("_discounts");
        if (!terms.isArray() || terms.isEmpty()) {
            return;
        }
        boolean billsSomething = lines.stream().anyMatch(line -> line.get("amount").asLong() > 0);
        ArrayNode keptIds = subscription.arrayNode();
        ArrayNode keptTerms = subscription.arrayNode();
        ArrayNode appliedIds = subscription.arrayNode();
        ArrayNode appliedTerms = subscription.arrayNode();
        for (JsonNode term : terms) {
            boolean ended = term.path("_end").isNumber() && term.get("_end").asLong() <= now;
            boolean once = "once".equals(term.path("_duration").asString());
            if (!ended) {
                appliedIds.add(term.get("id").asString());
                appliedTerms.add(term.deepCopy());
            }
            if (!ended && !(once && billsSomething)) {
                keptIds.add(term.get("id").asString());
                keptTerms.add(term.deepCopy());
            }
        }
        for (ObjectNode line : lines) {
            line.set("discounts", appliedIds.deepCopy());
            line.set("_discounts", appliedTerms.deepCopy());
        }
        subscription.set("discounts", keptIds);
        subscription.set("_discounts", keptTerms);
    }
}
