package dev.paydeck.payments;

import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.paydeck.customers.CustomerDraft;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments through the organization's Stripe. Every Stripe call that creates something carries an idempotency key
 * derived from Paydeck's own record id, and the record is written before the call: a retry (after a timeout, or
 * with the same {@code Idempotency-Key}) finds the record and repeats the same Stripe call, so nobody is charged
 * twice. A Stripe outage leaves the record {@code unknown}, to be resolved by reading Stripe.
 */
@Service
public class Payments {

    static final List<String> EXPAND = List.of("latest_charge");
    /** The metadata key that links a Stripe PaymentIntent to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_payment_id";

    private final PaymentRecords records;
    private final StripeClients stripe;
    private final Customers customers;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    Payments(PaymentRecords records, StripeClients stripe, Customers customers, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.records = records;
        this.stripe = stripe;
        this.customers = customers;
        this.transactions = transactions;
        this.events = events;
    }

    /** A created payment and what Stripe.js needs to finish it in the browser. */
    public record Created(Payment payment, String clientSecret, String publishableKey) {
    }

    public Created create(OrganizationId organization, PaymentRequest request, String idempotencyKey, String actor) {
        Optional<Payment> earlier = idempotencyKey == null ? Optional.empty()
                : records.byIdempotencyKey(organization, idempotencyKey);
        if (earlier.isPresent() && !isUnresolved(earlier.get())) {
            return new Created(earlier.get(), clientSecret(organization, earlier.get()),
                    stripe.publishableKey(organization));
        }
        UUID id;
        String stripeCustomer;
        if (earlier.isPresent()) {
            id = earlier.get().id();
            stripeCustomer = stripeCustomerId(organization, earlier.get().customerId());
        } else {
            UUID customerId = customerFor(organization, request, actor);
            id = UUID.randomUUID();
            records.insertPending(organization, id, request, customerId, idempotencyKey);
            stripeCustomer = stripeCustomerId(organization, customerId);
        }
        PaymentIntent intent;
        try {
            intent = stripe.forOrganization(organization).v1().paymentIntents().create(createParams(request, id,
                    stripeCustomer), RequestOptions.builder().setIdempotencyKey("paydeck-payment-" + id).build());
        } catch (CardException declined) {
            applyDeclined(organization, id, declined);
            events.publishEvent(new PaymentChanged(organization, id, "payment.declined", actor,
                    declined.getCode()));
            throw StripeFailure.from(declined).with("payment_id", id);
        } catch (StripeException e) {
            throw unresolved(organization, id, e);
        }
        // Stripe's answer and its audit line are written in one transaction: one commit, and the row comes back
        // from the update itself.
        Payment created = transactions.execute(status -> {
            Payment after = records.apply(organization, id, intent);
            events.publishEvent(new PaymentChanged(organization, id, "payment.created", actor,
                    request.amount().format()));
            return after;
        });
        return new Created(created, intent.getClientSecret(), stripe.publishableKey(organization));
    }

    public Optional<Payment> find(OrganizationId organization, UUID id) {
        return records.find(organization, id);
    }

    public List<Payment> list(OrganizationId organization, PaymentQuery query) {
        return records.list(organization, query);
    }

    public List<Charge> charges(OrganizationId organization, UUID id) {
        return records.charges(organization, id);
    }

    public List<Refund> refunds(OrganizationId organization, UUID id) {
        return records.refunds(organization, id);
    }

    /** Confirms with a payment method (e.g. after a decline, with another card). */
    public Payment confirm(OrganizationId organization, UUID id, String paymentMethod, String returnUrl,
            boolean offSession, String actor) {
        Payment payment = inStripe(organization, id);
        var params = PaymentIntentConfirmParams.builder().addAllExpand(EXPAND);
        if (paymentMethod != null) {
            params.setPaymentMethod(paymentMethod);
        }
        if (returnUrl != null) {
            params.setReturnUrl(returnUrl);
        }
        if (offSession) {
            params.setOffSession(PaymentIntentConfirmParams.OffSession.ONE_OFF);
        }
        try {
            PaymentIntent intent = stripe.forOrganization(organization).v1().paymentIntents()
                    .confirm(payment.stripePaymentIntentId(), params.build());
            records.apply(organization, id, intent);
        } catch (CardException declined) {
            applyDeclined(organization, id, declined);
            throw StripeFailure.from(declined).with("payment_id", id);
        } catch (StripeException e) {
            throw StripeFailure.from(e).with("payment_id", id);
        }
        events.publishEvent(new PaymentChanged(organization, id, "payment.confirmed", actor, paymentMethod));
        return records.find(organization, id).orElseThrow();
    }

    /** Captures an authorized payment, in full or in part ({@code amount} null = all that is capturable). */
    public Payment capture(OrganizationId organization, UUID id, Long amount, String actor) {
        Payment payment = inStripe(organization, id);
        if (!"requires_capture".equals(payment.status())) {
            throw new PaymentStateException("Only an authorized payment (status requires_capture) can be captured; "
                    + "this one is " + payment.status() + ".");
        }
        if (amount != null && amount > payment.amountCapturable()) {
            throw new PaymentStateException("At most " + money(payment, payment.amountCapturable())
                    + " can be captured.");
        }
        var params = PaymentIntentCaptureParams.builder().addAllExpand(EXPAND);
        if (amount != null) {
            params.setAmountToCapture(amount);
        }
        callStripe(organization, id, () -> stripe.forOrganization(organization).v1().paymentIntents()
                .capture(payment.stripePaymentIntentId(), params.build(), RequestOptions.builder()
                        .setIdempotencyKey("paydeck-capture-" + id).build()));
        events.publishEvent(new PaymentChanged(organization, id, "payment.captured", actor,
                money(payment, amount == null ? payment.amountCapturable() : amount)));
        return records.find(organization, id).orElseThrow();
    }

    public Payment cancel(OrganizationId organization, UUID id, String reason, String actor) {
        Payment payment = inStripe(organization, id);
        if (List.of("succeeded", "canceled").contains(payment.status())) {
            throw new PaymentStateException("A payment that is " + payment.status() + " cannot be canceled"
                    + ("succeeded".equals(payment.status()) ? "; refund it instead." : "."));
        }
        var params = PaymentIntentCancelParams.builder().addAllExpand(EXPAND);
        if (reason != null) {
            params.setCancellationReason(PaymentIntentCancelParams.CancellationReason.valueOf(reason.toUpperCase()));
        }
        callStripe(organization, id, () -> stripe.forOrganization(organization).v1().paymentIntents()
                .cancel(payment.stripePaymentIntentId(), params.build()));
        events.publishEvent(new PaymentChanged(organization, id, "payment.canceled", actor, reason));
        return records.find(organization, id).orElseThrow();
    }

    /**
     * Refunds all that is left ({@code amount} null) or part of it. An amount over what is left is refused here,
     * before Stripe is called; concurrent refunds are counted under a lock of the payment.
     */
    public Refund refund(OrganizationId organization, UUID id, Long amount, String reason, String actor) {
        UUID refundId = UUID.randomUUID();
        Payment payment = transactions.execute(status -> {
            Payment locked = records.lock(organization, id).orElseThrow(() -> new NoSuchPaymentException());
            if (!"succeeded".equals(locked.status())) {
                throw new PaymentStateException("Only a succeeded payment can be refunded; this one is "
                        + locked.status() + ("requires_capture".equals(locked.status())
                        ? " (cancel it to release the authorization)." : "."));
            }
            long left = locked.amountReceived() - records.committedRefunds(organization, id);
            long wanted = amount == null ? left : amount;
            if (wanted <= 0 || left <= 0) {
                throw new PaymentStateException("This payment has been refunded in full already.");
            }
            if (wanted > left) {
                throw new PaymentStateException("Cannot refund " + money(locked, wanted) + ": only "
                        + money(locked, left) + " of this payment is left to refund.");
            }
            records.insertRefund(organization, refundId, id, wanted, locked.amount().stripeCurrency(), reason);
            return locked;
        });
        var refund = records.findRefund(organization, refundId).orElseThrow();
        var params = RefundCreateParams.builder().setPaymentIntent(payment.stripePaymentIntentId())
                .setAmount(refund.amount()).putMetadata("paydeck_refund_id", refundId.toString());
        if (reason != null) {
            params.setReason(RefundCreateParams.Reason.valueOf(reason.toUpperCase()));
        }
        try {
            var created = stripe.forOrganization(organization).v1().refunds().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey("paydeck-refund-" + refundId).build());
            records.applyRefund(organization, refundId, created);
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.from(e);
            records.markRefund(organization, refundId, failure.outcomeUnknown() ? "unknown" : "failed");
            throw failure.with("refund_id", refundId);
        }
        records.recomputeRefunded(organization, id);
        refreshCharges(organization, id, payment.stripePaymentIntentId());
        events.publishEvent(new PaymentChanged(organization, id, "payment.refunded", actor,
                money(payment, refund.amount())));
        return records.findRefund(organization, refundId).orElseThrow();
    }

    private void refreshCharges(OrganizationId organization, UUID id, String intentId) {
        try {
            PaymentIntent intent = stripe.forOrganization(organization).v1().paymentIntents().retrieve(intentId,
                    com.stripe.param.PaymentIntentRetrieveParams.builder().addAllExpand(EXPAND).build());
            records.apply(organization, id, intent);
        } catch (StripeException e) {
            // The refund itself is recorded; the charge figures catch up with the next webhook or resync.
        }
    }

    interface StripeCall {
        PaymentIntent call() throws StripeException;
    }

    private void callStripe(OrganizationId organization, UUID id, StripeCall call) {
        try {
            records.apply(organization, id, call.call());
        } catch (StripeException e) {
            throw StripeFailure.from(e).with("payment_id", id);
        }
    }

    private Payment inStripe(OrganizationId organization, UUID id) {
        Payment payment = records.find(organization, id).orElseThrow(NoSuchPaymentException::new);
        if (payment.stripePaymentIntentId() == null) {
            throw new PaymentStateException("This payment has not reached Stripe yet (status " + payment.status()
                    + "); retry its creation with the same Idempotency-Key.");
        }
        return payment;
    }

    private void applyDeclined(OrganizationId organization, UUID id, CardException declined) {
        PaymentIntent intent = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
        if (intent != null) {
            records.apply(organization, id, intent);
        } else {
            records.markStatus(organization, id, "requires_payment_method");
        }
    }

    private StripeFailure unresolved(OrganizationId organization, UUID id, StripeException e) {
        StripeFailure failure = StripeFailure.from(e);
        if (failure.outcomeUnknown()) {
            records.markStatus(organization, id, "unknown");
        } else {
            records.remove(organization, id);
        }
        return failure.with("payment_id", id);
    }

    private UUID customerFor(OrganizationId organization, PaymentRequest request, String actor) {
        if (request.customerId() != null) {
            var customer = customers.find(organization, request.customerId())
                    .filter(found -> "active".equals(found.status()))
                    .orElseThrow(() -> new InvalidPaymentException("customer_id", "There is no such customer."));
            return customer.id();
        }
        if (request.customerEmail() != null) {
            return customers.create(organization, new CustomerDraft(request.customerEmail(), request.customerName(),
                    null, null, null), actor).id();
        }
        return null;
    }

    private String stripeCustomerId(OrganizationId organization, UUID customerId) {
        return customerId == null ? null
                : customers.find(organization, customerId).map(c -> c.stripeCustomerId()).orElse(null);
    }

    private String clientSecret(OrganizationId organization, Payment payment) {
        if (payment.stripePaymentIntentId() == null) {
            return null;
        }
        try {
            return stripe.forOrganization(organization).v1().paymentIntents()
                    .retrieve(payment.stripePaymentIntentId()).getClientSecret();
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
    }

    private static boolean isUnresolved(Payment payment) {
        return "pending".equals(payment.status()) || "unknown".equals(payment.status());
    }

    private static PaymentIntentCreateParams createParams(PaymentRequest request, UUID id, String customer) {
        Map<String, String> metadata = new HashMap<>(request.metadata() == null ? Map.of() : request.metadata());
        metadata.put(PAYDECK_ID, id.toString());
        var params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minor())
                .setCurrency(request.amount().stripeCurrency())
                .putAllMetadata(metadata)
                .addAllExpand(EXPAND)
                .setCaptureMethod(request.manualCapture() ? PaymentIntentCreateParams.CaptureMethod.MANUAL
                        : PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(request.returnUrl() == null
                                ? PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER
                                : PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.ALWAYS)
                        .build());
        if (customer != null) {
            params.setCustomer(customer);
        }
        if (request.description() != null) {
            params.setDescription(request.description());
        }
        if (request.receiptEmail() != null) {
            params.setReceiptEmail(request.receiptEmail());
        }
        if (request.statementDescriptor() != null) {
            params.setStatementDescriptorSuffix(request.statementDescriptor());
        }
        if (request.paymentMethod() != null) {
            params.setPaymentMethod(request.paymentMethod());
        }
        if (request.confirm()) {
            params.setConfirm(true);
            if (request.returnUrl() != null) {
                params.setReturnUrl(request.returnUrl());
            }
            if (request.offSession()) {
                params.setOffSession(PaymentIntentCreateParams.OffSession.ONE_OFF);
            }
        }
        return params.build();
    }

    private static String money(Payment payment, long minor) {
        return new dev.paydeck.shared.Money(minor, payment.amount().currency()).format();
    }
}
