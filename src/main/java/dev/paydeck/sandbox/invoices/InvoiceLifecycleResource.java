package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.HostedPages;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.customers.CustomerBalances;
import dev.paydeck.sandbox.discounts.Discounts;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.invoices.InvoiceTransitions.Operation;
import dev.paydeck.sandbox.paymentintents.InvoicePaymentIntents;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

import static dev.paydeck.sandbox.invoices.InvoiceStatus.OPEN;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.PAID;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.UNCOLLECTIBLE;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.VOID;

/**
 * An invoice's life after its draft: {@code /v1/invoices/{id}/finalize} (its number, hosted page and PDF addresses,
 * due date, and the PaymentIntent for its amount due), {@code /pay} (through the sandbox's PaymentIntents, with the
 * given, the invoice's or the customer's default payment method, or out of band), {@code /send}, {@code /void} and
 * {@code /mark_uncollectible}, along {@link InvoiceTransitions}.
 */
@Component
class InvoiceLifecycleResource implements StripeResource {

    private static final ParamSpec FINALIZE = ParamSpec.of().bool("auto_advance");
    private static final ParamSpec PAY = ParamSpec.of().string("payment_method")
            .bool("paid_out_of_band", "forgive", "off_session");
    private static final long DAY = 86_400;
    static final String REQUIRES_ACTION_MESSAGE = "This payment requires additional user action before it can be "
            + "completed successfully. Payment can be completed using the PaymentIntent associated with the invoice."
            + " For more details see: https://stripe.com/docs/billing/subscriptions/overview#requires-action";

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Invoices invoices;
    private final InvoicePaymentIntents intents;
    private final PaymentMethods paymentMethods;
    private final InvoicePayments payments;
    private final Discounts discounts;
    private final CustomerBalances balances;

    InvoiceLifecycleResource(ObjectStore store, SandboxClock clock, SandboxEvents events, Invoices invoices,
            InvoicePaymentIntents intents, PaymentMethods paymentMethods, InvoicePayments payments,
            Discounts discounts, CustomerBalances balances) {
        this.discounts = discounts;
        this.balances = balances;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.invoices = invoices;
        this.intents = intents;
        this.paymentMethods = paymentMethods;
        this.payments = payments;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/invoices/{id}/finalize", FINALIZE, this::finalizeInvoice);
        routes.post("/v1/invoices/{id}/pay", PAY, this::pay);
        routes.post("/v1/invoices/{id}/send", ParamSpec.of(), this::send);
        routes.post("/v1/invoices/{id}/void", ParamSpec.of(), this::voidInvoice);
        routes.post("/v1/invoices/{id}/mark_uncollectible", ParamSpec.of(), this::markUncollectible);
    }

    private ObjectNode finalizeInvoice(StripeCall call) {
        ObjectNode invoice = require(call);
        InvoiceTransitions.check(Operation.FINALIZE, status(invoice));
        if (call.bool("auto_advance") != null) {
            invoice.put("auto_advance", call.bool("auto_advance"));
        }
        return finalizeDraft(call, invoice);
    }

    /**
     * Draft → open: the customer's next number, the hosted page and PDF, the due date, the PaymentIntent for the
     * amount due; an invoice with nothing due is paid at once.
     */
    ObjectNode finalizeDraft(StripeCall call, ObjectNode invoice) {
        String id = invoice.get("id").asString();
        long now = clock.nowFor(call.accountId(), invoice.get("customer").asString());
        ObjectNode customer = store.require(call.accountId(), invoice.get("customer").asString(), "customer",
                "customer");
        // The customer's balance (a credit when negative) goes into the amount due; what is left stays theirs.
        invoice.put("starting_balance", customer.path("balance").asLong(0));
        List<ObjectNode> items = invoices.items(call.accountId(), id);
        InvoiceJson.computeLines(invoice, items);
        discounts.checkRestrictions(call.accountId(), invoice, items);
        long endingBalance = invoice.get("starting_balance").asLong() + invoice.get("total").asLong()
                - invoice.get("amount_due").asLong();
        invoice.put("ending_balance", endingBalance);
        long applied = endingBalance - invoice.get("starting_balance").asLong();
        if (applied != 0) {
            // The part of the balance the invoice used, in the customer's balance ledger.
            balances.record(call.accountId(), customer, applied, invoice.get("currency").asString(),
                    new CustomerBalances.Entry("applied_to_invoice", id, null, null), "customer");
        }
        long sequence = customer.path("next_invoice_sequence").asLong(1);
        invoice.put("number", customer.get("invoice_prefix").asString() + "-"
                + String.format(Locale.ROOT, "%04d", sequence));
        customer.put("next_invoice_sequence", sequence + 1);
        store.update(call.accountId(), customer);
        invoice.put("hosted_invoice_url", HostedPages.url("/sandbox/invoices/" + id));
        invoice.put("invoice_pdf", HostedPages.url("/sandbox/invoices/" + id + "/pdf"));
        invoice.put("effective_at", now);
        invoice.putNull("automatically_finalizes_at");
        invoice.put("period_end", now);
        ((ObjectNode) invoice.get("status_transitions")).put("finalized_at", now);
        if (invoice.has("_days_until_due")) {
            invoice.put("due_date", now + invoice.get("_days_until_due").asLong() * DAY);
        }
        long due = invoice.get("amount_due").asLong();
        if (due == 0) {
            status(invoice, OPEN);
            store.update(call.accountId(), invoice);
            events.publish(call, "invoice.finalized", invoice);
            return markPaid(call, invoice, now, false);
        }
        ObjectNode intent = intents.create(call, id, due, invoice.get("currency").asString(),
                invoice.get("customer").asString(), "Invoice " + invoice.get("number").asString());
        invoice.put("_payment_intent", intent.get("id").asString());
        ObjectNode secret = invoice.putObject("confirmation_secret");
        secret.put("client_secret", intent.get("client_secret").asString());
        secret.put("type", "payment_intent");
        ObjectNode payments = invoice.putObject("payments");
        payments.put("object", "list");
        ObjectNode payment = store.newObject("invoice_payment", "inpay", now);
        payments.putArray("data").add(payment);
        payment.putNull("amount_paid");
        payment.put("amount_requested", due);
        payment.put("currency", invoice.get("currency").asString());
        payment.put("invoice", id);
        payment.put("is_default", true);
        payment.put("livemode", false);
        ObjectNode paid = payment.putObject("payment");
        paid.put("payment_intent", intent.get("id").asString());
        paid.put("type", "payment_intent");
        payment.put("status", "open");
        ObjectNode transitions = payment.putObject("status_transitions");
        transitions.putNull("canceled_at");
        transitions.putNull("paid_at");
        payments.put("has_more", false);
        payments.put("total_count", 1);
        payments.put("url", "/v1/invoice_payments");
        store.insert(call.accountId(), payment.deepCopy());
        status(invoice, OPEN);
        store.update(call.accountId(), invoice);
        events.publish(call, "invoice.finalized", invoice);
        return invoice;
    }

    ObjectNode pay(StripeCall call) {
        ObjectNode invoice = require(call);
        InvoiceTransitions.check(Operation.PAY, status(invoice));
        if (status(invoice) == InvoiceStatus.DRAFT) {
            finalizeDraft(call, invoice);
            if (status(invoice) == PAID) {
                return invoice;
            }
        }
        long now = clock.nowFor(call.accountId(), invoice.get("customer").asString());
        String intentId = invoice.path("_payment_intent").asString(null);
        if (call.isTrue("paid_out_of_band")) {
            if (call.string("payment_method") != null) {
                throw StripeError.invalid("paid_out_of_band", "You may not pass `payment_method` with "
                        + "`paid_out_of_band`.");
            }
            if (intentId != null) {
                intents.cancel(call, intentId);
            }
            paymentCanceled(call, invoice, now);
            return markPaid(call, invoice, now, true);
        }
        ObjectNode paymentMethod = paymentMethod(call, invoice);
        boolean offSession = !Boolean.FALSE.equals(call.bool("off_session"));
        invoice.put("attempted", true);
        invoice.put("attempt_count", invoice.get("attempt_count").asLong() + 1);
        store.update(call.accountId(), invoice);
        ObjectNode intent;
        try {
            intent = intents.confirm(call, intentId, paymentMethod, offSession);
        } catch (StripeError error) {
            if (error.status() != 402) {
                throw error;
            }
            store.update(call.accountId(), invoice);
            if ("authentication_required".equals(error.code())) {
                events.publish(call, "invoice.payment_action_required", invoice);
            }
            events.publish(call, "invoice.payment_failed", invoice);
            throw error;
        }
        if (InvoicePaymentIntents.requiresAction(intent)) {
            store.update(call.accountId(), invoice);
            events.publish(call, "invoice.payment_action_required", invoice);
            throw StripeError.builder(402).type("card_error").code("invoice_payment_intent_requires_action")
                    .message(REQUIRES_ACTION_MESSAGE).with("payment_intent", StripeObjects.rendered(intent))
                    .build();
        }
        // Its PaymentIntent succeeded: InvoicePayments has marked it paid.
        return require(call);
    }

    /** The payment method given ({@code payment_method}), else the invoice's, else the customer's default. */
    private ObjectNode paymentMethod(StripeCall call, ObjectNode invoice) {
        if (call.string("payment_method") != null) {
            return paymentMethods.resolve(call, call.string("payment_method"), "payment_method");
        }
        String id = StripeObjects.string(invoice, "default_payment_method");
        if (id == null) {
            ObjectNode customer = store.require(call.accountId(), invoice.get("customer").asString(), "customer",
                    "customer");
            id = StripeObjects.string(customer.get("invoice_settings"), "default_payment_method");
        }
        if (id == null) {
            throw StripeError.invalid(null, "Cannot charge a customer that has no active card");
        }
        return store.require(call.accountId(), id, "payment_method", "payment_method");
    }

    private ObjectNode markPaid(StripeCall call, ObjectNode invoice, long now, boolean outOfBand) {
        payments.markPaid(call.accountId(), call.apiVersion(), invoice, now, outOfBand);
        return invoice;
    }

    private ObjectNode send(StripeCall call) {
        ObjectNode invoice = require(call);
        InvoiceTransitions.check(Operation.SEND, status(invoice));
        if (!"send_invoice".equals(invoice.get("collection_method").asString())) {
            throw StripeError.invalid(null, "You can only manually send an invoice if its collection method is "
                    + "'send_invoice'.");
        }
        if (status(invoice) == InvoiceStatus.DRAFT) {
            finalizeDraft(call, invoice);
        }
        store.update(call.accountId(), invoice);
        events.publish(call, "invoice.sent", invoice);
        return invoice;
    }

    ObjectNode voidInvoice(StripeCall call) {
        ObjectNode invoice = require(call);
        InvoiceTransitions.check(Operation.VOID_INVOICE, status(invoice));
        long now = clock.nowFor(call.accountId(), invoice.get("customer").asString());
        String intentId = invoice.path("_payment_intent").asString(null);
        if (intentId != null) {
            intents.cancel(call, intentId);
        }
        paymentCanceled(call, invoice, now);
        unapplyBalance(call, invoice);
        status(invoice, VOID);
        invoice.put("auto_advance", false);
        invoice.put("amount_remaining", 0);
        ((ObjectNode) invoice.get("status_transitions")).put("voided_at", now);
        store.update(call.accountId(), invoice);
        events.publish(call, "invoice.voided", invoice);
        return invoice;
    }

    /** The customer's balance an invoice used is theirs again when it is voided ({@code unapplied_from_invoice}). */
    private void unapplyBalance(StripeCall call, ObjectNode invoice) {
        if (invoice.path("ending_balance").isNull()) {
            return;
        }
        long applied = invoice.get("ending_balance").asLong() - invoice.get("starting_balance").asLong();
        if (applied == 0) {
            return;
        }
        ObjectNode customer = store.require(call.accountId(), invoice.get("customer").asString(), "customer", "id");
        balances.record(call.accountId(), customer, -applied, invoice.get("currency").asString(),
                new CustomerBalances.Entry("unapplied_from_invoice", invoice.get("id").asString(), null, null), "id");
        store.update(call.accountId(), customer);
    }

    private ObjectNode markUncollectible(StripeCall call) {
        ObjectNode invoice = require(call);
        InvoiceTransitions.check(Operation.MARK_UNCOLLECTIBLE, status(invoice));
        status(invoice, UNCOLLECTIBLE);
        invoice.put("auto_advance", false);
        ((ObjectNode) invoice.get("status_transitions")).put("marked_uncollectible_at",
                clock.nowFor(call.accountId(), invoice.get("customer").asString()));
        store.update(call.accountId(), invoice);
        events.publish(call, "invoice.marked_uncollectible", invoice);
        return invoice;
    }

    private ObjectNode require(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), "invoice", "id");
    }

    /** The invoice's payment (its PaymentIntent's) canceled: the invoice was voided or paid out of band. */
    private void paymentCanceled(StripeCall call, ObjectNode invoice, long now) {
        if (!invoice.path("payments").isObject()) {
            return;
        }
        ObjectNode payment = (ObjectNode) invoice.at("/payments/data/0");
        payment.put("status", "canceled");
        ((ObjectNode) payment.get("status_transitions")).put("canceled_at", now);
        store.update(call.accountId(), payment.deepCopy());
    }

    private static InvoiceStatus status(ObjectNode invoice) {
        return InvoiceStatus.of(invoice.get("status").asString());
    }

    private static void status(ObjectNode invoice, InvoiceStatus next) {
        invoice.put("status", InvoiceTransitions.move(status(invoice), next).stripeName());
    }
}
