package dev.paydeck.payments.web;

import dev.paydeck.payments.Payment;
import dev.paydeck.shared.Money;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The refund dialog: an amount (all that is left, or part), a reason, and the idempotency key given to the form when it
 * was shown, so that submitting it twice refunds once. {@code step} is {@code review} (check, then ask to confirm) or
 * {@code confirm} (refund).
 */
record RefundForm(String amount, String reason, String idempotencyKey, String step) {

    static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    /** A fresh form for a payment: all that is left, no reason, a new key. */
    static RefundForm fresh(Payment payment, Locale locale) {
        return new RefundForm(AmountInput.plain(payment.refundable(), locale), "", UUID.randomUUID().toString(),
                "review");
    }

    public boolean confirming() {
        return "confirm".equals(step);
    }

    /** What the form asks to refund, or the fields it could not read (field → message key). */
    record Checked(Money amount, Map<String, String> errors) {
    }

    Checked check(Payment payment) {
        Map<String, String> errors = new LinkedHashMap<>();
        Money left = payment.refundable();
        Money wanted = null;
        if (amount == null || amount.isBlank()) {
            errors.put("amount", "payments.refund.amount.missing");
        } else {
            Optional<Money> parsed = AmountInput.parse(amount, left.currency());
            if (parsed.isEmpty()) {
                errors.put("amount", "payments.refund.amount.not-a-number");
            } else if (!parsed.get().isPositive()) {
                errors.put("amount", "payments.refund.amount.zero");
            } else if (parsed.get().isGreaterThan(left)) {
                errors.put("amount", "payments.refund.amount.too-much");
            } else {
                wanted = parsed.get();
            }
        }
        if (reason != null && !reason.isBlank() && !REASONS.contains(reason)) {
            errors.put("reason", "payments.refund.reason.unknown");
        }
        if (idempotencyKey == null || !idempotencyKey.matches("[0-9a-f-]{36}")) {
            errors.put("amount", "payments.refund.expired");
        }
        return new Checked(errors.isEmpty() ? wanted : null, errors);
    }

    String reasonOrNull() {
        return reason == null || reason.isBlank() ? null : reason;
    }

    RefundForm reviewing() {
        return new RefundForm(amount, reason, idempotencyKey, "review");
    }

    RefundForm toConfirm() {
        return new RefundForm(amount, reason, idempotencyKey, "confirm");
    }
}
