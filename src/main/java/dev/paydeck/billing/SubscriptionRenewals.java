package dev.paydeck.billing;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a subscription's snapshot (from a {@code customer.subscription.updated}) is a renewal of what Paydeck holds
 * and nothing else: the same status, items, cancellation, trial, collection and metadata, in a later period. Applying
 * such a snapshot only moves the period (and the latest invoice) forward, so it can bring back nothing that a newer
 * state changed — Paydeck may apply it without reading Stripe's current subscription. A test clock's year renews a
 * thousand subscriptions twelve times: one read from Stripe less each. A snapshot of an earlier period than the
 * record's ({@link #olderThan}) has nothing to apply at all.
 */
final class SubscriptionRenewals {

    static boolean renewsOnly(Subscription local, com.stripe.model.Subscription snapshot) {
        var items = snapshot.getItems() == null ? null : snapshot.getItems().getData();
        if (items == null || items.isEmpty() || items.size() != local.items().size()
                || local.currentPeriodStart() == null || local.status().isUnresolved()) {
            return false;
        }
        Long periodStart = items.getFirst().getCurrentPeriodStart();
        if (periodStart == null || periodStart <= local.currentPeriodStart().toEpochSecond()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            Subscription.Item held = local.items().get(i);
            if (!Objects.equals(item.getId(), held.stripeItemId()) || item.getPrice() == null
                    || !Objects.equals(item.getPrice().getId(), held.stripePriceId())
                    || (item.getQuantity() == null ? 1 : item.getQuantity()) != held.quantity()) {
                return false;
            }
        }
        String method = snapshot.getCollectionMethod() == null ? SubscriptionDraft.CHARGE_AUTOMATICALLY
                : snapshot.getCollectionMethod();
        return Objects.equals(snapshot.getStatus(), local.status().code())
                && method.equals(local.collectionMethod())
                && Boolean.TRUE.equals(snapshot.getCancelAtPeriodEnd()) == local.cancelAtPeriodEnd()
                && sameTime(snapshot.getCanceledAt(), local.canceledAt())
                && sameTime(snapshot.getEndedAt(), local.endedAt())
                && sameTime(snapshot.getTrialEnd(), local.trialEnd())
                && Objects.equals(snapshot.getCurrency(), local.currency())
                && metadata(snapshot).equals(local.metadata() == null ? Map.of() : local.metadata());
    }

    /**
     * Whether the snapshot is of a period before the one Paydeck holds: older than the record (a subscription's
     * period only moves forward, and Paydeck took the later one from a later event or from Stripe itself), so it has
     * nothing to apply — events of two renewals may be processed in either order.
     */
    static boolean olderThan(Subscription local, com.stripe.model.Subscription snapshot) {
        var items = snapshot.getItems() == null ? null : snapshot.getItems().getData();
        Long periodStart = items == null || items.isEmpty() ? null : items.getFirst().getCurrentPeriodStart();
        return periodStart != null && local.currentPeriodStart() != null && !local.status().isUnresolved()
                && periodStart < local.currentPeriodStart().toEpochSecond();
    }

    private static boolean sameTime(Long epochSecond, OffsetDateTime held) {
        return epochSecond == null ? held == null : held != null && held.toEpochSecond() == epochSecond;
    }

    private static Map<String, String> metadata(com.stripe.model.Subscription snapshot) {
        Map<String, String> metadata = new HashMap<>(snapshot.getMetadata() == null ? Map.of()
                : snapshot.getMetadata());
        metadata.remove(Subscriptions.PAYDECK_ID);
        return metadata;
    }

    private SubscriptionRenewals() {
    }
}
