package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeWebhooks;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A payment's history from what Paydeck stored: its record's creation, the refunds made through Paydeck, and the
 * events Stripe sent about it, its charges, refunds and disputes (the stored webhook events); a charge that no event
 * told of appears from the charge itself. Oldest first.
 */
@Service
public class PaymentTimelines {

    /** At most this many webhook events make a payment's timeline. */
    static final int EVENTS = 200;

    /**
     * One step: when, what ({@code created}, {@code refund}, {@code charge.succeeded}, or the type of a Stripe event
     * such as {@code payment_intent.succeeded}), its amount when it has one, a detail (a status, a card, a processing
     * state), and who recorded it ({@code paydeck} or {@code stripe}).
     */
    public record Step(OffsetDateTime at, String kind, Money amount, String detail, String source) {
    }

    private final PaymentRecords payments;
    private final ChargeRecords charges;
    private final RefundRecords refunds;
    private final StripeWebhooks webhooks;

    PaymentTimelines(PaymentRecords payments, ChargeRecords charges, RefundRecords refunds, StripeWebhooks webhooks) {
        this.payments = payments;
        this.charges = charges;
        this.refunds = refunds;
        this.webhooks = webhooks;
    }

    public List<Step> of(OrganizationId organization, Payment payment) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(payment.createdAt(), "created", payment.amount(), null, "paydeck"));
        List<Charge> madeCharges = charges.ofPayment(organization, payment.id());
        List<Refund> madeRefunds = refunds.ofPayment(organization, payment.id());
        for (Refund refund : madeRefunds) {
            steps.add(new Step(refund.createdAt(), "refund", refund.amount(), refund.status().code(), "paydeck"));
        }
        Set<String> objects = new LinkedHashSet<>();
        if (payment.stripePaymentIntentId() != null) {
            objects.add(payment.stripePaymentIntentId());
        }
        madeCharges.forEach(charge -> objects.add(charge.id()));
        madeRefunds.stream().map(Refund::stripeRefundId).filter(java.util.Objects::nonNull).forEach(objects::add);
        objects.addAll(payments.disputeIds(organization, payment.id()));
        Set<String> told = new java.util.HashSet<>();
        for (var event : webhooks.about(organization, objects, EVENTS)) {
            told.add(event.objectId());
            steps.add(new Step(time(event.created()), event.type(), null, event.status().toLowerCase(
                    java.util.Locale.ROOT), "stripe"));
        }
        for (Charge charge : madeCharges) {
            if (!told.contains(charge.id())) {
                String card = charge.cardLast4() == null ? null
                        : (charge.cardBrand() == null ? "" : charge.cardBrand() + " ") + "•••• " + charge.cardLast4();
                steps.add(new Step(time(charge.created()), "charge." + charge.status(), charge.amount(), card,
                        "stripe"));
            }
        }
        // Stripe's times are whole seconds and Paydeck's finer: within one second, Paydeck's record comes first (a
        // payment is recorded before Stripe is called).
        steps.sort(Comparator.comparing((Step step) -> step.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .thenComparing(step -> !step.kind().equals("created")));
        return steps;
    }

    private static OffsetDateTime time(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).atOffset(ZoneOffset.UTC);
    }
}
