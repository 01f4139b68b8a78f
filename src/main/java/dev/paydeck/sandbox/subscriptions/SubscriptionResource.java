package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.SearchFields;
import dev.paydeck.sandbox.api.SearchRequest;
import dev.paydeck.sandbox.api.SearchResult;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.discounts.Discounts;
import dev.paydeck.sandbox.subscriptions.SubscriptionTransitions.Operation;
import dev.paydeck.sandbox.subscriptions.Subscriptions.Billed;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.ACTIVE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.TRIALING;

/**
 * {@code /v1/subscriptions}: create (its first invoice billed at once, by {@code payment_behavior}; its items may
 * have discounts of their own, {@code items[][discounts]}; a {@code cancel_at} within the first period ends the
 * period there and, unless {@code proration_behavior=none}, bills that share of it), retrieve, list
 * (by {@code customer}, {@code price}, {@code status}, {@code collection_method}, {@code test_clock}), search
 * ({@code created}, {@code metadata}, {@code status}), cancel
 * ({@code DELETE}, with {@code invoice_now} and {@code prorate}) and resume a paused one. Updates:
 * {@link SubscriptionUpdates}.
 */
@Component
class SubscriptionResource implements StripeResource {

    static final ParamSpec ITEM = ParamSpec.of().string("price").integer("quantity").stringList("tax_rates")
            .objectList("discounts", Discounts.PARAM).metadata();
    static final ParamSpec TRIAL_SETTINGS = ParamSpec.of().object("end_behavior", ParamSpec.of()
            .oneOf("missing_payment_method", "cancel", "create_invoice", "pause")
            .required("missing_payment_method")).required("end_behavior");
    private static final ParamSpec CREATE = ParamSpec.of()
            .string("customer", "default_payment_method", "description", "trial_end", "currency")
            .objectList("items", ITEM)
            .stringList("default_tax_rates")
            .objectList("discounts", Discounts.PARAM)
            .oneOf("collection_method", "charge_automatically", "send_invoice")
            .integer("days_until_due", "billing_cycle_anchor", "cancel_at", "trial_period_days")
            .bool("cancel_at_period_end", "off_session")
            .oneOf("payment_behavior", "allow_incomplete", "default_incomplete", "error_if_incomplete",
                    "pending_if_incomplete")
            .oneOf("proration_behavior", "create_prorations", "none", "always_invoice")
            .object("trial_settings", TRIAL_SETTINGS)
            .object("payment_settings", ParamSpec.of()
                    .oneOf("save_default_payment_method", "off", "on_subscription"))
            .metadata()
            .required("customer", "items");
    private static final String[] STATUSES = {"trialing", "active", "incomplete", "incomplete_expired", "past_due",
            "unpaid", "canceled", "paused", "all", "ended"};
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("customer", "price", "test_clock")
            .oneOf("status", STATUSES)
            .oneOf("collection_method", "charge_automatically", "send_invoice")
            .range("current_period_end").range("current_period_start"));
    private static final ParamSpec CANCEL = ParamSpec.of().bool("invoice_now", "prorate")
            .object("cancellation_details", ParamSpec.of().string("comment").oneOf("feedback", "customer_service",
                    "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive",
                    "unused"));
    private static final ParamSpec RESUME = ParamSpec.of().oneOf("billing_cycle_anchor", "now", "unchanged")
            .oneOf("proration_behavior", "create_prorations", "none", "always_invoice").integer("proration_date");
    private static final long MAX_TRIAL = 730 * SubscriptionJson.DAY;
    /** What Stripe's subscription search takes: {@code created}, {@code metadata}, {@code status}. */
    private static final SearchFields SEARCH = SearchFields.of("subscriptions").numeric("created").token("status")
            .metadata();

    private final Subscriptions subscriptions;
    private final SubscriptionItems items;
    private final SubscriptionCycles cycles;
    private final SandboxClock clock;
    private final SubscriptionDiscounts discounts;

    SubscriptionResource(Subscriptions subscriptions, SubscriptionItems items, SubscriptionCycles cycles,
            SandboxClock clock, SubscriptionDiscounts discounts) {
        this.discounts = discounts;
        this.subscriptions = subscriptions;
        this.items = items;
        this.cycles = cycles;
        this.clock = clock;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/subscriptions", CREATE, this::create);
        routes.get("/v1/subscriptions", LIST, this::list);
        routes.get("/v1/subscriptions/search", SearchRequest.PARAMS, this::search);
        routes.get("/v1/subscriptions/{id}", ParamSpec.of(), this::retrieve);
        routes.delete("/v1/subscriptions/{id}", CANCEL, this::cancel);
        routes.post("/v1/subscriptions/{id}/resume", RESUME, this::resume);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode customer = subscriptions.store().require(call.accountId(), call.string("customer"), "customer",
                "customer");
        String customerId = customer.get("id").asString();
        long now = clock.nowFor(call.accountId(), customerId);
        if ("pending_if_incomplete".equals(call.string("payment_behavior"))) {
            throw StripeError.invalid("payment_behavior", "You can only use `payment_behavior=pending_if_incomplete` "
                    + "when updating a subscription.");
        }
        List<SubscriptionItems.Given> given = items.given(call.accountId(), call.list("items"), "items");
        if (given.isEmpty()) {
            throw StripeError.parameterMissing("items");
        }
        String currency = items.checkTerms(given, null);
        if (call.string("currency") != null && !call.string("currency").equals(currency)) {
            throw StripeError.invalid("currency", "The currency must match the prices' currency (" + currency + ").");
        }
        ObjectNode subscription = SubscriptionJson.create(subscriptions.store().newObject("subscription", "sub", now),
                customer, currency);
        String id = subscription.get("id").asString();
        collection(call, subscription);
        if (call.string("default_payment_method") != null) {
            subscription.put("default_payment_method", items.requireOwnPaymentMethod(call.accountId(),
                    call.string("default_payment_method"), customerId, "default_payment_method"));
        }
        StripeObjects.text(subscription, "description", call.string("description"));
        if (call.has("default_tax_rates")) {
            subscription.set("default_tax_rates", items.taxRates(call.accountId(), call.list("default_tax_rates"),
                    "default_tax_rates"));
        }
        if (call.map("metadata") != null) {
            StripeObjects.applyMetadata(subscription, call.map("metadata"));
        }
        if (call.map("trial_settings") != null) {
            subscription.set("trial_settings", subscriptions.store().json().valueToTree(call.map("trial_settings")));
        }
        if (call.map("payment_settings") != null && call.map("payment_settings").get("save_default_payment_method")
                != null) {
            ((ObjectNode) subscription.get("payment_settings")).put("save_default_payment_method",
                    (String) call.map("payment_settings").get("save_default_payment_method"));
        }
        Long trialEnd = trialEnd(call, now);
        Long anchor = call.longValue("billing_cycle_anchor");
        if (anchor != null && (anchor <= now || (trialEnd != null && anchor < trialEnd))) {
            throw StripeError.invalid("billing_cycle_anchor", "Invalid billing_cycle_anchor: it must be in the "
                    + "future" + (trialEnd != null ? ", not before the trial ends." : "."));
        }
        List<ObjectNode> subscriptionItems = new ArrayList<>();
        for (SubscriptionItems.Given item : given) {
            ObjectNode created = items.create(call.accountId(), id, item, now);
            items.discounts(call.accountId(), subscription, created, item, now);
            subscriptionItems.add(created);
        }
        SubscriptionJson.items(subscription, subscriptionItems);
        if (call.has("discounts")) {
            discounts.apply(call.accountId(), subscription, call.list("discounts"), now);
        }
        List<ObjectNode> lines;
        if (trialEnd != null) {
            subscription.put("status", TRIALING.stripeName());
            subscription.put("trial_start", now);
            subscription.put("trial_end", trialEnd);
            subscription.put("billing_cycle_anchor", anchor != null ? anchor : trialEnd);
            SubscriptionJson.period(subscription, now, trialEnd);
            lines = subscriptions.lines(call.accountId(), subscription, now, trialEnd, true);
        } else if (anchor != null) {
            // A first, shorter period up to the anchor, charged for the share of a whole period it is (Stripe's
            // prorated first invoice), or free with proration_behavior=none.
            subscription.put("billing_cycle_anchor", anchor);
            SubscriptionJson.period(subscription, now, anchor);
            long wholeStart = SubscriptionJson.periods(subscription).startBefore(anchor);
            boolean prorate = !"none".equals(call.string("proration_behavior"));
            lines = new ArrayList<>();
            for (ObjectNode item : subscriptionItems) {
                long amount = prorate ? Prorations.remaining(Subscriptions.amount(item), wholeStart, anchor, now) : 0;
                lines.add(subscriptions.line(call.accountId(), subscription, item, amount, now, anchor,
                        "Remaining time on " + subscriptions.prorated(call.accountId(), item) + " after "
                                + ProrationDates.format(now)));
            }
        } else {
            long end = SubscriptionJson.periods(subscription).endAfter(now);
            // A cancel_at within the first period ends it there; unless proration_behavior=none, its invoice bills
            // that share of the period only (Stripe prorates the first invoice).
            Long cancelAt = call.longValue("cancel_at");
            boolean cut = cancelAt != null && cancelAt > now && cancelAt < end;
            SubscriptionJson.period(subscription, now, cut ? cancelAt : end);
            if (cut) {
                subscription.put(SubscriptionUpdates.UNCUT_PERIOD_END, end);
            }
            lines = subscriptions.lines(call.accountId(), subscription, now, cut ? cancelAt : end, false);
            if (cut && !"none".equals(call.string("proration_behavior"))) {
                for (ObjectNode line : lines) {
                    long amount = line.get("amount").asLong();
                    line.put("amount", amount - Prorations.remaining(amount, now, end, cancelAt));
                }
            }
        }
        cancelAt(call, subscription, now);
        boolean sendInvoice = "send_invoice".equals(subscription.get("collection_method").asString());
        if (sendInvoice && trialEnd == null) {
            subscription.put("status", ACTIVE.stripeName());
        }
        String behavior = call.string("payment_behavior") == null ? "allow_incomplete"
                : call.string("payment_behavior");
        subscription.put(Subscriptions.BUSY, true);
        subscriptions.save(call.accountId(), subscription);
        Billed billed = subscriptions.bill(call, subscription, "subscription_create", lines, now,
                !"default_incomplete".equals(behavior));
        subscription.remove(Subscriptions.BUSY);
        if (SubscriptionJson.status(subscription) == INCOMPLETE && billed.paid()) {
            Subscriptions.status(subscription, ACTIVE);
        }
        if (SubscriptionJson.status(subscription) == INCOMPLETE && "error_if_incomplete".equals(behavior)) {
            subscriptions.voidInvoice(call, billed.invoice().get("id").asString());
            subscriptions.store().delete(call.accountId(), id);
            subscriptionItems.forEach(item -> subscriptions.store().delete(call.accountId(),
                    item.get("id").asString()));
            throw billed.declined() != null ? billed.declined() : StripeError.builder(402).type("card_error")
                    .code("card_declined").message("Your card was declined.").build();
        }
        subscriptions.save(call.accountId(), subscription);
        subscriptions.publish(call, "customer.subscription.created", subscription);
        return subscription;
    }

    private void collection(StripeCall call, ObjectNode subscription) {
        String method = call.string("collection_method") == null ? "charge_automatically"
                : call.string("collection_method");
        Long days = call.longValue("days_until_due");
        if ("send_invoice".equals(method) && days == null) {
            throw StripeError.invalid("days_until_due", "`days_until_due` is required when `collection_method` is "
                    + "`send_invoice`.");
        }
        if ("charge_automatically".equals(method) && days != null) {
            throw StripeError.invalid("days_until_due", "`days_until_due` can only be set when `collection_method` "
                    + "is `send_invoice`.");
        }
        if (days != null && (days < 0 || days > 730)) {
            throw StripeError.invalid("days_until_due", "Invalid days_until_due: must be between 0 and 730");
        }
        subscription.put("collection_method", method);
        if (days != null) {
            subscription.put("days_until_due", days);
        }
    }

    /** The trial's end: {@code trial_end} (a timestamp, or {@code now}: no trial), or {@code trial_period_days}. */
    private static Long trialEnd(StripeCall call, long now) {
        String trialEnd = call.string("trial_end");
        Long days = call.longValue("trial_period_days");
        if (trialEnd != null && days != null) {
            throw StripeError.invalid("trial_end", "You may only specify one of these parameters: trial_end, "
                    + "trial_period_days.");
        }
        if (days != null) {
            if (days < 0 || days > 730) {
                throw StripeError.invalid("trial_period_days", "Invalid trial_period_days: must be between 0 and "
                        + "730");
            }
            return days == 0 ? null : now + days * SubscriptionJson.DAY;
        }
        if (trialEnd == null || "now".equals(trialEnd)) {
            return null;
        }
        long end = timestamp(trialEnd, "trial_end");
        if (end <= now || end > now + MAX_TRIAL) {
            throw StripeError.invalid("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the "
                    + "future and at most 730 days from now.");
        }
        return end;
    }

    static long timestamp(String text, String param) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw StripeError.invalid(param, "Invalid timestamp: must be an integer Unix timestamp or `now`.");
        }
    }

    /** {@code cancel_at_period_end} (canceled at the current period's end) or {@code cancel_at}. */
    static void cancelAt(StripeCall call, ObjectNode subscription, long now) {
        if (call.isTrue("cancel_at_period_end") && call.longValue("cancel_at") != null) {
            throw StripeError.invalid("cancel_at", "You may only specify one of these parameters: cancel_at, "
                    + "cancel_at_period_end.");
        }
        if (call.has("cancel_at_period_end") && call.bool("cancel_at_period_end") != null) {
            boolean atEnd = call.bool("cancel_at_period_end");
            subscription.put("cancel_at_period_end", atEnd);
            if (atEnd) {
                subscription.put("cancel_at", SubscriptionJson.periodEnd(subscription));
            } else {
                subscription.putNull("cancel_at");
            }
        }
        if (call.has("cancel_at")) {
            Long at = call.longValue("cancel_at");
            if (at == null) {
                subscription.putNull("cancel_at");
                subscription.put("cancel_at_period_end", false);
            } else {
                if (at <= now) {
                    throw StripeError.invalid("cancel_at", "Invalid cancel_at: must be in the future.");
                }
                subscription.put("cancel_at", at);
                subscription.put("cancel_at_period_end", false);
            }
        }
    }

    private ObjectNode retrieve(StripeCall call) {
        return subscriptions.require(call.accountId(), call.path("id"), "id");
    }

    private SearchResult search(StripeCall call) {
        return subscriptions.store().search(call.accountId(), "subscription", SearchRequest.from(call), SEARCH,
                "/v1/subscriptions/search");
    }

    private StripeList list(StripeCall call) {
        String status = call.string("status");
        Object statuses = status == null ? Arrays.stream(STATUSES).filter(name -> !List.of("canceled", "all",
                "ended").contains(name)).toList()
                : "all".equals(status) ? null : "ended".equals(status) ? List.of("canceled", "incomplete_expired")
                : status;
        ListQuery query = ListQuery.from(call).where("customer", call.string("customer"))
                .where("status", statuses).where("collection_method", call.string("collection_method"))
                .where("test_clock", call.string("test_clock"));
        if (call.string("price") != null) {
            query.where("items", Map.of("data", List.of(Map.of("price", Map.of("id", call.string("price"))))));
        }
        return subscriptions.store().list(call.accountId(), "subscription", query, "/v1/subscriptions");
    }

    private ObjectNode cancel(StripeCall call) {
        ObjectNode subscription = subscriptions.require(call.accountId(), call.path("id"), "id");
        SubscriptionStatus status = SubscriptionJson.status(subscription);
        SubscriptionTransitions.check(Operation.CANCEL, status, subscription.get("id").asString());
        long now = clock.nowFor(call.accountId(), subscription.get("customer").asString());
        if (call.isTrue("prorate") && status != TRIALING && status != INCOMPLETE) {
            items.creditUnusedTime(call, subscription, now, true);
        }
        if (status == INCOMPLETE && !subscription.path("latest_invoice").isNull()) {
            subscriptions.voidInvoice(call, subscription.get("latest_invoice").asString());
        }
        if (call.isTrue("invoice_now") && status != INCOMPLETE) {
            subscription.put(Subscriptions.BUSY, true);
            subscriptions.save(call.accountId(), subscription);
            subscriptions.bill(call, subscription, "subscription_update", List.of(), now, true);
        }
        Map<String, Object> details = call.map("cancellation_details");
        if (details != null) {
            ObjectNode rendered = (ObjectNode) subscription.get("cancellation_details");
            StripeObjects.text(rendered, "comment", (String) details.get("comment"));
            StripeObjects.text(rendered, "feedback", (String) details.get("feedback"));
        }
        subscriptions.cancel(call, subscription, now, "cancellation_requested");
        return subscription;
    }

    private ObjectNode resume(StripeCall call) {
        ObjectNode subscription = subscriptions.require(call.accountId(), call.path("id"), "id");
        SubscriptionTransitions.check(Operation.RESUME, SubscriptionJson.status(subscription),
                subscription.get("id").asString());
        if ("unchanged".equals(call.string("billing_cycle_anchor"))) {
            throw StripeError.invalid("billing_cycle_anchor", "The sandbox resumes subscriptions with "
                    + "`billing_cycle_anchor=now` only.");
        }
        long now = clock.nowFor(call.accountId(), subscription.get("customer").asString());
        cycles.newPeriod(call, subscription, subscription.deepCopy(), now, now, "subscription_cycle");
        ObjectNode resumed = subscriptions.require(call.accountId(), subscription.get("id").asString(), "id");
        subscriptions.publish(call, "customer.subscription.resumed", resumed);
        return resumed;
    }
}
