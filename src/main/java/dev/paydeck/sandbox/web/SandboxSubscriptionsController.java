package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.subscriptions.SubscriptionOverview;
import dev.paydeck.sandbox.web.SandboxCatalogController.Phrase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's subscriptions ({@code /v1/subscriptions}), newest first: customer, status, prices and interval, the
 * current period's end (its items'), the trial's end, whether it cancels at the period's end, and the hosted page of
 * its latest invoice. Times are the subscriptions' own, on their customers' test clocks when they have one.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxSubscriptionsController {

    static final int SUBSCRIPTIONS_SHOWN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A subscription as the page lists it; {@code invoiceHosted} is false for a draft latest invoice (no page yet). */
    record SubscriptionView(String id, String customer, String customerEmail, String status, List<ItemView> items,
                            String periodEnd, String trialEnd, boolean cancelAtPeriodEnd, String cancelAt,
                            String latestInvoice, boolean invoiceHosted) {
    }

    /** One item: its price's amount and cadence (message keys, said in the visitor's language) and its quantity. */
    record ItemView(Phrase amount, Phrase cadence, long quantity) {
    }

    private final SandboxAccounts accounts;
    private final SubscriptionOverview subscriptions;

    SandboxSubscriptionsController(SandboxAccounts accounts, SubscriptionOverview subscriptions) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/sandbox/accounts/{accountId}/subscriptions")
    String subscriptions(@PathVariable String accountId, Visitor visitor, Model model) {
        model.addAttribute("account", visitor.readable(accounts.byId(accountId)));
        model.addAttribute("visitor", visitor);
        model.addAttribute("subscriptions", subscriptions.recent(accountId, SUBSCRIPTIONS_SHOWN).stream()
                .map(SandboxSubscriptionsController::view).toList());
        model.addAttribute("active", "subscriptions");
        return "sandbox/subscriptions";
    }

    private static SubscriptionView view(SubscriptionOverview.Listed listed) {
        ObjectNode subscription = listed.subscription();
        List<ItemView> items = new ArrayList<>();
        for (JsonNode item : subscription.path("items").path("data")) {
            JsonNode price = item.path("price");
            items.add(new ItemView(SandboxCatalogController.amount(price), SandboxCatalogController.cadence(price),
                    item.path("quantity").asLong(1)));
        }
        JsonNode firstItem = subscription.path("items").path("data").path(0);
        String invoiceStatus = listed.latestInvoiceStatus();
        return new SubscriptionView(subscription.get("id").asString(), subscription.path("customer").asString(null),
                listed.customerEmail(), subscription.path("status").asString(), items,
                time(firstItem.path("current_period_end")), time(subscription.path("trial_end")),
                subscription.path("cancel_at_period_end").asBoolean(), time(subscription.path("cancel_at")),
                subscription.path("latest_invoice").asString(null),
                invoiceStatus != null && !"draft".equals(invoiceStatus));
    }

    private static String time(JsonNode epochSecond) {
        return epochSecond.isNumber() ? TIME.format(Instant.ofEpochSecond(epochSecond.asLong())) : null;
    }
}
