package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.discounts.Discounts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A subscription's {@code discounts} and its items' ({@code discounts[0][coupon]}, {@code [promotion_code]} or an
 * existing {@code [discount]}; {@code discounts=""} removes them): each coupon or code redeemed once, when the
 * subscription or item takes it ({@link Discounts}), and applied as the coupon's {@code duration} says: {@code once}
 * on the first invoice that bills something (then the discount is removed), {@code repeating} on the invoices made
 * before its {@code end} ({@code duration_in_months} after it started), {@code forever} on all of them.
 * <p>
 * As on Stripe, the subscription's discounts are the invoice's ({@link #forInvoice}): its {@code discounts} lists
 * them and they apply to its lines as a whole (a percentage off each line, an amount off shared between the lines in
 * proportion to their amounts, never more than they bill); an item's discounts apply to that item's lines only,
 * before the invoice's. Prorations are discounted when they are made ({@link #forProration}).
 */
@Component
class SubscriptionDiscounts {

    /** The discounts that apply to an invoice (or a proration): their ids and their coupons' terms. */
    record Applied(ArrayNode ids, ArrayNode terms) {

        boolean isEmpty() {
            return ids.isEmpty();
        }
    }

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
        discounts.apply(accountId, subscription, given, new Discounts.Target(subscription.get("customer").asString(),
                subscription.get("currency").asString(), null, null));
        own(accountId, subscription, subscription.get("id").asString(), null, now);
    }

    /** Replaces an item's discounts ({@code items[0][discounts]}) by those given (null: none), as {@link #apply}. */
    void applyToItem(String accountId, ObjectNode subscription, ObjectNode item, List<Object> given, long now) {
        discounts.apply(accountId, item, given, new Discounts.Target(subscription.get("customer").asString(),
                item.at("/price/currency").asString(), null, null));
        own(accountId, item, subscription.get("id").asString(), item.get("id").asString(), now);
    }

    /** Makes the discounts just made the subscription's (or item's), and keeps their durations with their terms. */
    private void own(String accountId, ObjectNode owner, String subscriptionId, String itemId, long now) {
        ArrayNode ids = (ArrayNode) owner.get("discounts");
        ArrayNode terms = (ArrayNode) owner.get("_discounts");
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode discount = store.find(accountId, ids.get(i).asString()).orElseThrow();
            ObjectNode coupon = store.find(accountId, discount.at("/source/coupon").asString()).orElse(null);
            String duration = coupon == null ? "once" : coupon.path("duration").asString("once");
            if (discount.path("subscription").isNull() && discount.path("invoice").isNull()
                    && discount.path("invoice_item").isNull()) {
                // A discount made for this subscription: its own, ending after its months when repeating.
                discount.put("subscription", subscriptionId);
                if (itemId != null) {
                    discount.put("subscription_item", itemId);
                }
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
     * The subscription's discounts that apply to an invoice made at {@code now} for the lines (the invoice's own
     * discounts), each item's put on its lines (by the line's {@code id}, the item's); removes from the subscription
     * and its items a {@code once} discount so used and those whose {@code end} has passed.
     */
    Applied forInvoice(ObjectNode subscription, List<ObjectNode> lines, long now) {
        for (ObjectNode item : SubscriptionJson.items(subscription)) {
            String itemId = item.get("id").asString();
            List<ObjectNode> itemLines = lines.stream().filter(line -> itemId.equals(line.path("id").asString()))
                    .toList();
            Applied applied = use(item, itemLines, now);
            for (ObjectNode line : itemLines) {
                line.set("discounts", applied.ids().deepCopy());
                line.set("_discounts", applied.terms().deepCopy());
            }
        }
        return use(subscription, lines, now);
    }

    /**
     * The subscription's and the item's discounts that apply at {@code now} (a proration's, for the item), the
     * item's first, without using any of them up.
     */
    Applied forProration(JsonNode subscription, JsonNode item, long now) {
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        ArrayNode terms = JsonNodeFactory.instance.arrayNode();
        for (JsonNode owner : List.of(item, subscription)) {
            for (JsonNode term : owner.path("_discounts")) {
                if (!ended(term, now)) {
                    ids.add(term.get("id").asString());
                    terms.add(term.deepCopy());
                }
            }
        }
        return new Applied(ids, terms);
    }

    /** The owner's discounts that apply to the lines, those it keeps afterwards left on it. */
    private static Applied use(ObjectNode owner, List<ObjectNode> lines, long now) {
        ArrayNode appliedIds = owner.arrayNode();
        ArrayNode appliedTerms = owner.arrayNode();
        JsonNode terms = owner.path("_discounts");
        if (!terms.isArray() || terms.isEmpty()) {
            return new Applied(appliedIds, appliedTerms);
        }
        boolean billsSomething = lines.stream().anyMatch(line -> line.get("amount").asLong() > 0);
        ArrayNode keptIds = owner.arrayNode();
        ArrayNode keptTerms = owner.arrayNode();
        for (JsonNode term : terms) {
            boolean ended = ended(term, now);
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
        owner.set("discounts", keptIds);
        owner.set("_discounts", keptTerms);
        return new Applied(appliedIds, appliedTerms);
    }

    private static boolean ended(JsonNode term, long now) {
        return term.path("_end").isNumber() && term.get("_end").asLong() <= now;
    }
}
