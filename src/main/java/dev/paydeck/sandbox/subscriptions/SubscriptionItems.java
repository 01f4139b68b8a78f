package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.invoiceitems.ProrationItems;
import dev.paydeck.sandbox.invoiceitems.ProrationItems.Proration;
import dev.paydeck.sandbox.taxrates.TaxRates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subscription's items as the API gives them ({@code items[0][price]}, {@code [quantity]}, {@code [id]},
 * {@code [deleted]}): recurring, licensed, active prices of one currency and one billing interval; and the
 * prorations of their changes ({@link Prorations}), as pending invoice items.
 */
@Component
class SubscriptionItems {

    /**
     * One item as given: an existing one ({@code id}) to change or delete, or a new one; {@code discounts} null when
     * not given, empty to remove them.
     */
    record Given(String id, ObjectNode price, Long quantity, Map<String, Object> metadata, boolean deleted,
                 String param, ArrayNode taxRates, List<Object> discounts) {
    }

    private static final int MAX_ITEMS = 20;

    private final ObjectStore store;
    private final ProrationItems prorationItems;
    private final Subscriptions subscriptions;
    private final TaxRates taxRates;
    private final SubscriptionDiscounts discounts;

    SubscriptionItems(ObjectStore store, ProrationItems prorationItems, Subscriptions subscriptions,
            TaxRates taxRates, SubscriptionDiscounts discounts) {
        this.store = store;
        this.discounts = discounts;
        this.taxRates = taxRates;
        this.prorationItems = prorationItems;
        this.subscriptions = subscriptions;
    }

    @SuppressWarnings("unchecked")
    List<Given> given(String accountId, List<Object> raw, String param) {
        List<Given> given = new ArrayList<>();
        if (raw == null) {
            return given;
        }
        if (raw.size() > MAX_ITEMS) {
            throw StripeError.invalid(param, "A subscription can have at most 20 items.");
        }
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> item = (Map<String, Object>) raw.get(i);
            String at = param + "[" + i + "]";
            String priceId = (String) item.get("price");
            Long quantity = (Long) item.get("quantity");
            if (quantity != null && quantity < 0) {
                throw StripeError.invalid(at + "[quantity]", "Invalid quantity: must be greater than or equal to 0");
            }
            ObjectNode price = priceId == null ? null : price(accountId, priceId, at + "[price]");
            String id = (String) item.get("id");
            if (id == null && price == null) {
                throw StripeError.parameterMissing(at + "[price]");
            }
            ArrayNode rates = item.containsKey("tax_rates") ? taxRates(accountId, item.get("tax_rates"),
                    at + "[tax_rates]") : null;
            // items[0][discounts]="" removes the item's discounts: an empty list, as given for none.
            List<Object> discounts = !item.containsKey("discounts") ? null
                    : item.get("discounts") instanceof List<?> list ? (List<Object>) list : List.of();
            given.add(new Given(id, price, quantity, (Map<String, Object>) item.get("metadata"),
                    Boolean.TRUE.equals(item.get("deleted")), at, rates, discounts));
        }
        return given;
    }

    /** Tax rates by id ({@code tax_rates[0]=txr_…}; an empty value clears them), with Stripe's error for a bad one. */
    ArrayNode taxRates(String accountId, Object ids, String param) {
        ArrayNode rates = store.json().createArrayNode();
        if (ids instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                rates.add(taxRates.require(accountId, (String) list.get(i), param + "[" + i + "]"));
            }
        }
        return rates;
    }

    /** A price a subscription can bill: the account's, active, recurring and licensed (per seat). */
    ObjectNode price(String accountId, String priceId, String param) {
        ObjectNode price = store.find(accountId, priceId).filter(found -> "price".equals(found.path("object")
                .asString())).orElseThrow(() -> StripeError.resourceMissing("price", priceId, param));
        if (!price.path("active").asBoolean()) {
            throw StripeError.invalid(param, "The price specified is inactive. This field only accepts active "
                    + "prices.");
        }
        if (!"recurring".equals(price.path("type").asString())) {
            throw StripeError.invalid(param, "The price specified is set to `type=one_time` but this field only "
                    + "accepts prices with `type=recurring`.");
        }
        if ("metered".equals(price.at("/recurring/usage_type").asString())) {
            throw StripeError.invalid(param, "The sandbox does not emulate subscriptions to metered prices yet.");
        }
        return price;
    }

    /** The items' currency, refusing a mix of currencies or intervals and a price given twice. */
    String checkTerms(List<Given> given, List<ObjectNode> kept) {
        List<JsonNode> prices = new ArrayList<>();
        if (kept != null) {
            kept.forEach(item -> prices.add(item.get("price")));
        }
        given.stream().filter(item -> item.price() != null && item.id() == null).forEach(item -> prices.add(
                item.price()));
        return checkPrices(prices);
    }

    static String checkPrices(List<JsonNode> prices) {
        JsonNode first = prices.getFirst();
        Set<String> seen = new HashSet<>();
        for (JsonNode price : prices) {
            if (!seen.add(price.get("id").asString())) {
                throw StripeError.invalid("items", "Cannot add multiple subscription items with the same price: "
                        + price.get("id").asString() + ".");
            }
            if (!price.get("currency").equals(first.get("currency"))) {
                throw StripeError.invalid("items", "Currency and interval fields must match across all prices on "
                        + "this subscription. Found mismatch in currency field.");
            }
            if (!price.at("/recurring/interval").equals(first.at("/recurring/interval"))
                    || !price.at("/recurring/interval_count").equals(first.at("/recurring/interval_count"))) {
                throw StripeError.invalid("items", "Currency and interval fields must match across all prices on "
                        + "this subscription. Found mismatch in interval field.");
            }
        }
        return first.get("currency").asString();
    }

    /**
     * Gives the item the discounts given for it ({@code items[0][discounts]}), if any were: redeemed now, so only for
     * a change that is stored.
     */
    void discounts(String accountId, ObjectNode subscription, ObjectNode item, Given given, long now) {
        if (given.discounts() != null) {
            discounts.applyToItem(accountId, subscription, item, given.discounts().isEmpty() ? null
                    : given.discounts(), now);
        }
    }

    /** A new item (not stored: saving the subscription stores it). */
    ObjectNode create(String accountId, String subscriptionId, Given given, long now) {
        ObjectNode item = SubscriptionJson.item(store.newObject("subscription_item", "si", now), subscriptionId,
                given.price(), given.quantity() == null ? 1 : given.quantity(), now, now);
        if (given.metadata() != null) {
            StripeObjects.applyMetadata(item, given.metadata());
        }
        if (given.taxRates() != null) {
            item.set("tax_rates", given.taxRates());
        }
        return item;
    }

    /** A payment method of the customer's, by id; Stripe's error for another's. */
    String requireOwnPaymentMethod(String accountId, String id, String customerId, String param) {
        ObjectNode paymentMethod = store.require(accountId, id, "payment_method", param);
        if (!customerId.equals(StripeObjects.string(paymentMethod, "customer"))) {
            throw StripeError.invalid(param, "The customer does not have a payment method with the ID " + id
                    + ". The payment method must be attached to the customer.");
        }
        return id;
    }

    /** The credit for the unused time of each item from {@code at} to the period's end (a cancellation's). */
    List<ObjectNode> creditUnusedTime(StripeCall call, ObjectNode subscription, long at, boolean save) {
        return creditUnusedTime(call, subscription, at, at, save);
    }

    /** The same credits for a time to come ({@code at}), made {@code now}. */
    List<ObjectNode> creditUnusedTime(StripeCall call, ObjectNode subscription, long at, long now, boolean save) {
        List<ObjectNode> credits = new ArrayList<>();
        for (ObjectNode item : SubscriptionJson.items(subscription)) {
            credits.add(proration(call, subscription, item, at, now, true, save));
        }
        return credits;
    }

    /**
     * The proration of the item from {@code at} to its period's end: a credit for the unused time on it, or a charge
     * for the remaining time; stored as a pending invoice item when {@code save}.
     */
    ObjectNode proration(StripeCall call, ObjectNode subscription, JsonNode item, long at, boolean credit,
            boolean save) {
        return proration(call, subscription, item, at, at, credit, save);
    }

    /** The same proration, made {@code now} (its invoice item's {@code date}). */
    ObjectNode proration(StripeCall call, ObjectNode subscription, JsonNode item, long at, long now, boolean credit,
            boolean save) {
        long start = item.get("current_period_start").asLong();
        long end = item.get("current_period_end").asLong();
        long gross = Prorations.remaining(Subscriptions.amount(item), start, end, at);
        Map<String, Long> included = included(subscription, item, gross, at);
        long remaining = gross - included.values().stream().mapToLong(Long::longValue).sum();
        long quantity = item.get("quantity").asLong();
        String description = (credit ? "Unused time on " : "Remaining time on ")
                + subscriptions.prorated(call.accountId(), item) + " after "
                + ProrationDates.format(at);
        Proration proration = new Proration(subscription.get("customer").asString(),
                subscription.get("id").asString(), item.get("id").asString(), (ObjectNode) item.get("price"),
                quantity, credit ? -remaining : remaining, description, Math.max(at, start), end,
                Subscriptions.taxRates(subscription, item), included);
        return prorationItems.create(call, proration, now, save);
    }

    /**
     * What the discounts of the item and of the subscription take off a proration of it, made at {@code at}, by
     * discount: each percentage off (of what the earlier ones left, rounded halves up), as Stripe includes them in a
     * proration's amount (its default {@code proration_discounts=included}). An amount off is left out of prorations:
     * the subscription's is shared between the lines of the invoice that takes them.
     */
    private Map<String, Long> included(JsonNode subscription, JsonNode item, long amount, long at) {
        Map<String, Long> taken = new LinkedHashMap<>();
        long left = amount;
        String product = item.at("/price/product").asString(null);
        for (JsonNode term : discounts.forProration(subscription, item, at).terms()) {
            JsonNode products = term.path("products");
            boolean applies = !products.isArray() || products.valueStream().anyMatch(id -> id.asString()
                    .equals(product));
            if (!applies || term.path("percent_off").isNull() || term.path("percent_off").isMissingNode()) {
                continue;
            }
            long off = new BigDecimal(left).multiply(new BigDecimal(term.get("percent_off").asString()))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
            taken.merge(term.get("id").asString(), off, Long::sum);
            left -= off;
        }
        return taken;
    }
}
