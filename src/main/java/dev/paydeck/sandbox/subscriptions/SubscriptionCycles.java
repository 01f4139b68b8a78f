package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.subscriptions.Subscriptions.Billed;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.OptionalLong;
import java.util.stream.LongStream;

import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.ACTIVE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAST_DUE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAUSED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.TRIALING;

/**
 * What time does to a subscription, one step at a time, each at the moment Stripe does it:
 * <ul>
 *   <li>{@code invoice.upcoming} seven days before a renewal charged automatically (on Stripe, as many days as the
 *       account's renewal-events setting says; {@link UpcomingInvoices});</li>
 *   <li>{@code customer.subscription.trial_will_end} three days before a trial ends;</li>
 *   <li>the trial's end: a new period and its invoice ({@code subscription_cycle}), charged; without a payment method,
 *       {@code trial_settings.end_behavior.missing_payment_method}: {@code create_invoice} (the invoice is left to
 *       pay: past_due), {@code pause} (paused, no invoice) or {@code cancel};</li>
 *   <li>a period's end: canceled there when {@code cancel_at_period_end} (or {@code cancel_at}) says so, else renewed:
 *       its items' new period, an invoice finalized at once and, when collected automatically, charged;</li>
 *   <li>a failed renewal payment: past_due, then retried on the schedule {@link #RETRY_DAYS} (3 days after the
 *       failure, then 5 days after that retry, then 7 days after that one, like Stripe's custom retry schedule);
 *       after the last retry fails the subscription is canceled (Stripe's default "cancel the subscription"), its
 *       invoice left open;</li>
 *   <li>a sent invoice ({@code collection_method=send_invoice}) still unpaid on its due date: past_due;</li>
 *   <li>an incomplete subscription whose first invoice is still unpaid 23 hours after it was made expires
 *       ({@code incomplete_expired}, its invoice voided).</li>
 * </ul>
 */
@Component
class SubscriptionCycles {

    /** The days between a failed payment and its next retry: three retries in all. */
    static final long[] RETRY_DAYS = {3, 5, 7};
    static final long TRIAL_WILL_END_BEFORE = 3 * SubscriptionJson.DAY;
    static final long INCOMPLETE_EXPIRES_AFTER = 23 * 3600;

    private final Subscriptions subscriptions;
    private final UpcomingInvoices upcomingInvoices;

    SubscriptionCycles(Subscriptions subscriptions, UpcomingInvoices upcomingInvoices) {
        this.subscriptions = subscriptions;
        this.upcomingInvoices = upcomingInvoices;
    }

    /** When the subscription's next step is due, if it has one. */
    static OptionalLong nextDue(JsonNode subscription) {
        SubscriptionStatus status = SubscriptionJson.status(subscription);
        LongStream.Builder due = LongStream.builder();
        switch (status) {
            case INCOMPLETE -> due.add(subscription.get("created").asLong() + INCOMPLETE_EXPIRES_AFTER);
            case TRIALING -> {
                long trialEnd = subscription.get("trial_end").asLong();
                if (!subscription.path("_trial_will_end_sent").asBoolean(false)
                        && trialEnd - TRIAL_WILL_END_BEFORE > subscription.get("created").asLong()) {
                    due.add(trialEnd - TRIAL_WILL_END_BEFORE);
                }
                due.add(trialEnd);
            }
            case ACTIVE, PAST_DUE, UNPAID -> {
                due.add(SubscriptionJson.periodEnd(subscription));
                UpcomingInvoices.due(subscription).ifPresent(due::add);
            }
            default -> {
                return OptionalLong.empty();
            }
        }
        if (subscription.path("cancel_at").isNumber()) {
            due.add(subscription.get("cancel_at").asLong());
        }
        if (subscription.path("_retry").isObject()) {
            due.add(subscription.at("/_retry/at").asLong());
        }
        if (subscription.path("_invoice_due").isObject()) {
            due.add(subscription.at("/_invoice_due/at").asLong());
        }
        return due.build().min();
    }

    /** Takes the subscription's step due at or before {@code at} (the earliest); false when none was. */
    boolean step(StripeCall call, ObjectNode subscription, long at) {
        OptionalLong due = nextDue(subscription);
        if (due.isEmpty() || due.getAsLong() > at) {
            return false;
        }
        long when = due.getAsLong();
        SubscriptionStatus status = SubscriptionJson.status(subscription);
        if (subscription.path("cancel_at").isNumber() && subscription.get("cancel_at").asLong() == when) {
            subscriptions.cancel(call, subscription, when, "cancellation_requested");
        } else if (status == INCOMPLETE) {
            expire(call, subscription);
        } else if (subscription.path("_invoice_due").isObject()
                && subscription.at("/_invoice_due/at").asLong() == when) {
            overdue(call, subscription);
        } else if (subscription.path("_retry").isObject() && subscription.at("/_retry/at").asLong() == when) {
            retry(call, subscription, when);
        } else if (status == TRIALING && subscription.get("trial_end").asLong() == when) {
            endTrial(call, subscription, when, "subscription_cycle");
        } else if (status == TRIALING) {
            subscription.put("_trial_will_end_sent", true);
            subscriptions.save(call.accountId(), subscription);
            subscriptions.publish(call, "customer.subscription.trial_will_end", subscription);
        } else if (UpcomingInvoices.due(subscription).equals(OptionalLong.of(when))) {
            upcomingInvoices.announce(call, subscription, when);
        } else {
            renew(call, subscription, when);
        }
        return true;
    }

    /** A sent invoice unpaid on its due date: the subscription is past due ({@code collection_method=send_invoice}). */
    private void overdue(StripeCall call, ObjectNode subscription) {
        ObjectNode before = subscription.deepCopy();
        String invoiceId = subscription.at("/_invoice_due/invoice").asString();
        subscription.remove("_invoice_due");
        ObjectNode invoice = subscriptions.store().require(call.accountId(), invoiceId, "invoice", "invoice");
        if ("open".equals(invoice.get("status").asString()) && SubscriptionJson.status(subscription) == ACTIVE) {
            Subscriptions.status(subscription, PAST_DUE);
        }
        subscriptions.save(call.accountId(), subscription);
        subscriptions.publishUpdated(call, before, subscription);
    }

    private void expire(StripeCall call, ObjectNode subscription) {
        ObjectNode before = subscription.deepCopy();
        String invoice = subscription.path("latest_invoice").asString(null);
        if (invoice != null) {
            subscriptions.voidInvoice(call, invoice);
        }
        Subscriptions.status(subscription, INCOMPLETE_EXPIRED);
        // As Stripe's customer.subscription.updated of an expired subscription shows it: canceled then, and ended.
        long expiredAt = subscription.get("created").asLong() + INCOMPLETE_EXPIRES_AFTER;
        subscription.put("canceled_at", expiredAt);
        subscription.put("ended_at", expiredAt);
        subscriptions.save(call.accountId(), subscription);
        subscriptions.publishUpdated(call, before, subscription);
    }

    /**
     * The trial's end: the first paid period starts (its invoice's reason {@code subscription_cycle} when the trial
     * ran out, {@code subscription_update} when an update ended it), or the end behaviour without a payment method.
     */
    void endTrial(StripeCall call, ObjectNode subscription, long when, String reason) {
        ObjectNode before = subscription.deepCopy();
        if (subscription.get("trial_end").asLong() > when) {
            subscription.put("trial_end", when);
        }
        String missing = subscription.at("/trial_settings/end_behavior/missing_payment_method").asString();
        if (subscriptions.paymentMethod(call.accountId(), subscription) == null
                && "charge_automatically".equals(subscription.get("collection_method").asString())) {
            if ("cancel".equals(missing)) {
                subscriptions.cancel(call, subscription, when, "cancellation_requested");
                return;
            }
            if ("pause".equals(missing)) {
                Subscriptions.status(subscription, PAUSED);
                subscriptions.save(call.accountId(), subscription);
                subscriptions.publish(call, "customer.subscription.paused", subscription);
                subscriptions.publishUpdated(call, before, subscription);
                return;
            }
        }
        newPeriod(call, subscription, before, when, when, reason);
    }

    private void renew(StripeCall call, ObjectNode subscription, long when) {
        ObjectNode before = subscription.deepCopy();
        if (subscription.path("cancel_at_period_end").asBoolean()) {
            subscriptions.cancel(call, subscription, when, "cancellation_requested");
            return;
        }
        newPeriod(call, subscription, before, when, subscription.get("billing_cycle_anchor").asLong(),
                "subscription_cycle");
    }

    /** A new period from {@code start} (the anchor counting periods given), its invoice and its payment. */
    void newPeriod(StripeCall call, ObjectNode subscription, ObjectNode before, long start, long anchor,
            String reason) {
        subscription.put("billing_cycle_anchor", anchor);
        long end = SubscriptionJson.periods(subscription).endAfter(start);
        SubscriptionJson.period(subscription, start, end);
        subscription.put(Subscriptions.BUSY, true);
        subscriptions.save(call.accountId(), subscription);
        Billed billed = subscriptions.bill(call, subscription, reason,
                subscriptions.lines(call.accountId(), subscription, start, end, false), start, true);
        subscription.remove(Subscriptions.BUSY);
        settle(call, subscription, billed, start);
        subscriptions.save(call.accountId(), subscription);
        subscriptions.publishUpdated(call, before, subscription);
    }

    /** After a payment: active when paid; past_due with its first retry planned when the charge failed. */
    void settle(StripeCall call, ObjectNode subscription, Billed billed, long failedAt) {
        if ("send_invoice".equals(subscription.get("collection_method").asString())) {
            // Its invoice is sent to be paid by its due date (past due if not, overdue above).
            SubscriptionStatus status = SubscriptionJson.status(subscription);
            if (status == TRIALING || status == PAUSED || billed.paid()) {
                Subscriptions.status(subscription, ACTIVE);
            }
            return;
        }
        if (billed.paid()) {
            Subscriptions.status(subscription, ACTIVE);
            subscription.remove("_retry");
            return;
        }
        Subscriptions.status(subscription, PAST_DUE);
        planRetry(call, subscription, billed.invoice(), 0, failedAt);
    }

    /** The next retry, also shown as the invoice's {@code next_payment_attempt}. */
    private void planRetry(StripeCall call, ObjectNode subscription, ObjectNode invoice, int retriesDone,
            long failedAt) {
        long at = failedAt + RETRY_DAYS[retriesDone] * SubscriptionJson.DAY;
        ObjectNode retry = subscription.putObject("_retry");
        retry.put("invoice", invoice.get("id").asString());
        retry.put("retries", retriesDone);
        retry.put("at", at);
        nextPaymentAttempt(call, invoice.get("id").asString(), at);
    }

    private void nextPaymentAttempt(StripeCall call, String invoiceId, Long at) {
        ObjectNode invoice = subscriptions.store().require(call.accountId(), invoiceId, "invoice", "invoice");
        if (at == null) {
            invoice.putNull("next_payment_attempt");
        } else {
            invoice.put("next_payment_attempt", at);
        }
        subscriptions.store().update(call.accountId(), invoice);
    }

    private void retry(StripeCall call, ObjectNode subscription, long when) {
        ObjectNode before = subscription.deepCopy();
        String invoiceId = subscription.at("/_retry/invoice").asString();
        int retriesDone = subscription.at("/_retry/retries").asInt() + 1;
        subscription.put(Subscriptions.BUSY, true);
        subscriptions.save(call.accountId(), subscription);
        ObjectNode invoice = subscriptions.store().require(call.accountId(), invoiceId, "invoice", "invoice");
        Billed billed = "open".equals(invoice.get("status").asString())
                ? subscriptions.charge(call, subscription, invoiceId) : new Billed(invoice, null, null);
        subscription.remove(Subscriptions.BUSY);
        if (billed.paid()) {
            Subscriptions.status(subscription, ACTIVE);
            subscription.remove("_retry");
        } else if (retriesDone < RETRY_DAYS.length) {
            planRetry(call, subscription, billed.invoice(), retriesDone, when);
        } else {
            nextPaymentAttempt(call, invoiceId, null);
            subscriptions.cancel(call, subscription, when, "payment_failed");
            return;
        }
        subscriptions.save(call.accountId(), subscription);
        subscriptions.publishUpdated(call, before, subscription);
    }

    static boolean live(JsonNode subscription) {
        SubscriptionStatus status = SubscriptionJson.status(subscription);
        return status == TRIALING || status == ACTIVE || status == PAST_DUE || status == INCOMPLETE;
    }
}
