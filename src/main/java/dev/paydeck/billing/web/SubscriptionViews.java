package dev.paydeck.billing.web;

import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionPreview;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subscriptions as the API shows them: Stripe's field names, amounts in minor units and formatted. */
final class SubscriptionViews {

    private SubscriptionViews() {
    }

    static final String SUBSCRIPTION_EXAMPLE = """
            {"id": "5b8e2f1a-3c4d-4e6f-8a9b-0c1d2e3f4a5b", "stripe_subscription_id": "sub_1QxYbX2eZvKYlo2",
             "customer_id": "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40", "stripe_customer_id": "cus_QxYbX2eZvKYlo2",
             "status": "trialing", "collection_method": "charge_automatically", "currency": "usd",
             "items": [{"stripe_item_id": "si_QxYbX2eZvKYlo2", "price_id": "8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60",
                        "stripe_price_id": "price_1QxYbX2eZvKYlo2", "quantity": 2, "unit_amount": 1500,
                        "amount": 3000, "amount_formatted": "$30.00"}],
             "amount_per_period": 3000, "amount_per_period_formatted": "$30.00",
             "current_period_start": "2026-11-24T09:30:00Z", "current_period_end": "2026-12-08T09:30:00Z",
             "trial_start": "2026-11-24T09:30:00Z", "trial_end": "2026-12-08T09:30:00Z",
             "next_renewal": "2026-12-08T09:30:00Z", "cancel_at_period_end": false,
             "latest_invoice": "in_1QxYbX2eZvKYlo2", "metadata": {},
             "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-24T09:30:00Z"}""";

    static final String PREVIEW_EXAMPLE = """
            {"price_id": "9d3e2f6c-8b51-4a4b-8f7c-2e3d4c5b6a71", "quantity": 2,
             "proration_behavior": "always_invoice", "proration_date": 1765272600, "due_now": true,
             "amount_due": 1500, "amount_due_formatted": "$15.00", "total": 1500, "total_formatted": "$15.00",
             "lines": [{"description": "Unused time on 2 × Basic after 9 Dec 2026", "amount": -1500,
                        "amount_formatted": "-$15.00", "proration": true, "period_start": "2026-12-09T09:30:00Z",
                        "period_end": "2026-12-24T09:30:00Z"},
                       {"description": "Remaining time on 2 × Pro after 9 Dec 2026", "amount": 3000,
                        "amount_formatted": "$30.00", "proration": true, "period_start": "2026-12-09T09:30:00Z",
                        "period_end": "2026-12-24T09:30:00Z"}]}""";

    record ItemView(@Schema(example = "si_QxYbX2eZvKYlo2") String stripeItemId,
                    @Schema(description = "Paydeck's price, when Paydeck knows it") UUID priceId,
                    @Schema(example = "price_1QxYbX2eZvKYlo2") String stripePriceId,
                    @Schema(example = "2") long quantity,
                    @Schema(example = "1500", description = "Absent for a tiered price") Long unitAmount,
                    @Schema(example = "3000") Long amount,
                    @Schema(example = "$30.00") String amountFormatted) {

        static ItemView of(Subscription.Item item) {
            return new ItemView(item.stripeItemId(), item.price() == null ? null : item.price().id(),
                    item.stripePriceId(), item.quantity(),
                    item.unitAmount() == null ? null : item.unitAmount().minor(),
                    item.amount() == null ? null : item.amount().minor(),
                    item.amount() == null ? null : item.amount().format());
        }
    }

    record SubscriptionView(
            UUID id,
            @Schema(example = "sub_1QxYbX2eZvKYlo2") String stripeSubscriptionId,
            @Schema(description = "Paydeck's customer, when Paydeck knows the Stripe customer") UUID customerId,
            @Schema(example = "cus_QxYbX2eZvKYlo2") String stripeCustomerId,
            @Schema(example = "active", description = "incomplete, incomplete_expired, trialing, active, past_due, "
                    + "canceled, unpaid, paused; pending or unknown while Stripe has not confirmed it")
            String status,
            @Schema(example = "charge_automatically") String collectionMethod,
            @Schema(example = "30", description = "With send_invoice: days to pay each invoice") Integer daysUntilDue,
            @Schema(example = "usd") String currency,
            List<ItemView> items,
            @Schema(example = "3000") Long amountPerPeriod,
            @Schema(example = "$30.00") String amountPerPeriodFormatted,
            OffsetDateTime currentPeriodStart,
            OffsetDateTime currentPeriodEnd,
            OffsetDateTime trialStart,
            OffsetDateTime trialEnd,
            @Schema(description = "When it renews next; absent when it ends with its period")
            OffsetDateTime nextRenewal,
            boolean cancelAtPeriodEnd,
            OffsetDateTime canceledAt,
            OffsetDateTime endedAt,
            @Schema(example = "in_1QxYbX2eZvKYlo2", description = "Stripe's id of its latest invoice")
            String latestInvoice,
            Map<String, String> metadata,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static SubscriptionView of(Subscription s) {
            var perPeriod = s.amountPerPeriod();
            return new SubscriptionView(s.id().id(), s.stripeSubscriptionId(),
                    s.customer() == null ? null : s.customer().id(), s.stripeCustomerId(), s.status().code(),
                    s.collectionMethod(), s.daysUntilDue(), s.currency(),
                    s.items().stream().map(ItemView::of).toList(), perPeriod == null ? null : perPeriod.minor(),
                    perPeriod == null ? null : perPeriod.format(), s.currentPeriodStart(), s.currentPeriodEnd(),
                    s.trialStart(), s.trialEnd(), s.nextRenewal(), s.cancelAtPeriodEnd(), s.canceledAt(),
                    s.endedAt(), s.latestInvoice(), s.metadata(), s.createdAt(), s.updatedAt());
        }
    }

    record PreviewLineView(@Schema(example = "Remaining time on Pro after 9 Dec 2026") String description,
                    @Schema(example = "1000") long amount,
                    @Schema(example = "$10.00") String amountFormatted,
                    @Schema(example = "true") boolean proration,
                    OffsetDateTime periodStart,
                    OffsetDateTime periodEnd) {
    }

    record PreviewView(
            @Schema(description = "The new price (absent: unchanged)") UUID priceId,
            @Schema(example = "2", description = "The new quantity (absent: unchanged)") Long quantity,
            @Schema(example = "always_invoice") String prorationBehavior,
            @Schema(example = "1765272600", description = "Unix time the prorations are computed at: send it with "
                    + "the change so Stripe bills exactly this") long prorationDate,
            @Schema(example = "true", description = "true: amount_due is invoiced and charged now; false: it is the "
                    + "next renewal's invoice, prorations included") boolean dueNow,
            @Schema(example = "1500") long amountDue,
            @Schema(example = "$15.00") String amountDueFormatted,
            @Schema(example = "1500") long total,
            @Schema(example = "$15.00") String totalFormatted,
            List<PreviewLineView> lines) {

        static PreviewView of(SubscriptionPreview p) {
            return new PreviewView(p.change().price() == null ? null : p.change().price().id(),
                    p.change().quantity(), p.change().prorationBehavior() == null ? "create_prorations"
                    : p.change().prorationBehavior(), p.prorationDate(), p.dueNow(), p.amountDue().minor(),
                    p.amountDue().format(), p.total().minor(), p.total().format(),
                    p.lines().stream().map(line -> new PreviewLineView(line.description(), line.amount().minor(),
                            line.amount().format(), line.proration(), line.periodStart(), line.periodEnd()))
                            .toList());
        }
    }
}
