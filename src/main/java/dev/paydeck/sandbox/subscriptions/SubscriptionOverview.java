package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An account's subscriptions as the sandbox's Subscriptions tab shows them: each with its customer's email and its
 * latest invoice's status (a draft has no hosted page yet).
 */
@Service
public class SubscriptionOverview {

    /** A subscription as {@code /v1/subscriptions} holds it, with what the page shows of its customer and invoice. */
    public record Listed(ObjectNode subscription, String customerEmail, String latestInvoiceStatus) {
    }

    private final ObjectStore store;

    SubscriptionOverview(ObjectStore store) {
        this.store = store;
    }

    /** The account's newest subscriptions, canceled ones too. */
    public List<Listed> recent(String accountId, int limit) {
        return store.list(accountId, "subscription", ListQuery.newest(limit), "/v1/subscriptions").data().stream()
                .map(subscription -> new Listed(subscription,
                        field(accountId, subscription.path("customer").asString(null), "email"),
                        field(accountId, subscription.path("latest_invoice").asString(null), "status")))
                .toList();
    }

    private String field(String accountId, String id, String field) {
        return id == null ? null : store.find(accountId, id).map(found -> found.path(field).asString(null))
                .orElse(null);
    }
}
