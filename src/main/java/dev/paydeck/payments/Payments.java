package dev.paydeck.payments;

import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.RefundCreateParams;
import dev.paydeck.customers.CustomerDraft;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeCallLog;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Payments through the organization's Stripe, following the mirror recipe: the record is written first, then Stripe
 * is called with an idempotency key derived from the record's id, so a retry (after a timeout, with the same
 * {@code Idempotency-Key}, or by the janitor) repeats the same Stripe call and nobody is charged twice. Stripe's
 * answer and the event saying what happened commit together; other modules hear of it after commit. A Stripe outage
 * leaves the record {@code unknown}, to be resolved by the janitor asking Stripe.
 */
@Service
public class Payments {

    static final List<String> EXPAND = List.of("latest_charge");
    /** The metadata key that links a Stripe PaymentIntent to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_payment_id";

    private final PaymentRecords records;
    private final RefundRecords refunds;
    private final ChargeRecords charges;
    private final PaymentMirror mirror;
    private final PaymentCreation creation;
    private final StripeClients stripe;
    private final Customers customers;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final ApplicationEventPublisher events;
    private final StripeCallLog callLog;
    private final Clock clock;

    Payments(PaymentRecords records, RefundRecords refunds, ChargeRecords charges, PaymentMirror mirror,
            PaymentCreation creation, StripeClients stripe, Customers customers, TransactionTemplate transactions,
            ApplicationEventPublisher events, StripeCallLog callLog, Clock clock) {
        this.clock = clock;
        this.callLog = callLog;
        this.records = records;
        this.refunds = refunds;
        this.charges = charges;
        this.mirror = mirror;
        this.creation = creation;
        this.stripe = stripe;
        this.customers = customers;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.events = events;
    }

    /**
     * What the organization's payments made since this time brought in, per currency (gross, refunded, net, how
     * many): the dashboard's figures, from Paydeck's own records.
     */
    public List<PaymentTotals> totalsSince(OrganizationId organization, OffsetDateTime since) {
        return records.totalsSince(organization, since);
    }

    /** A created payment and what Stripe.js needs to finish it in the browser. */
    public record Created(Payment payment, String clientSecret, String publishableKey) {
    }

    public Created create(OrganizationId organization, PaymentRequest request, String idempotencyKey, String actor) {
        Optional<Payment> earlier = idempotencyKey == null ? Optional.empty()
                : records.byIdempotencyKey(organization, idempotencyKey);
        if (earlier.isPresent() && !earlier.get().status().isUnresolved()) {
            return new Created(earlier.get(), clientSecret(organization, earlier.get()),
                    stripe.publishableKey(organization));
        }
        PaymentId id;
        PaymentRequest sent;
        CustomerId customer;
        if (earlier.isPresent()) {
            id = earlier.get().id();
            customer = earlier.get().customerId();
            sent = records.createRequest(organization, id).orElse(request);
        } else {
            id = PaymentId.random();
            customer = customerFor(organization, request, actor);
            sent = request;
            records.insertPending(organization, id, request, customer, idempotencyKey);
        }
        PaymentIntent intent;
        try {
            intent = creation.send(organization, id, sent, stripeCustomerId(organization, customer));
        } catch (CardException declined) {
            transactions.executeWithoutResult(status -> {
                applyDeclined(organization, id, declined);
                events.publishEvent(new PaymentDeclined(organization, id, declined.getCode(), actor, clock.instant()));
            });
            throw StripeFailure.from(declined).with("payment_id", id.id());
        } catch (StripeException e) {
            throw unresolved(organization, id, e);
        }
        Payment created = transactions.execute(status -> {
            Payment after = mirror.apply(organization, id, intent, null, actor).orElseThrow().payment();
            events.publishEvent(new PaymentCreated(organization, id, request.amount(), actor, clock.instant()));
            return after;
        });
        return new Created(created, intent.getClientSecret(), stripe.publishableKey(organization));
    }

    /**
     * The payment as Stripe has it now, applied to Paydeck's record, with what Stripe.js needs to pay it: for the
     * pages a customer pays on, which must not wait for the webhook to learn that the browser just paid.
     */
    public Created current(OrganizationId organization, PaymentId id) {
        Payment payment = inStripe(organization, id);
        PaymentIntent intent = callStripe(id, () -> mirror.retrieve(organization, payment.stripePaymentIntentId(),
                id));
        Payment after = transactions.execute(status -> mirror.apply(organization, id, intent, null, "stripe")
                .map(PaymentRecords.Applied::payment).orElseGet(() -> records.find(organization, id).orElseThrow()));
        return new Created(after, intent.getClientSecret(), stripe.publishableKey(organization));
    }

    public Optional<Payment> find(OrganizationId organization, PaymentId id) {
        return records.find(organization, id);
    }

    public List<Payment> list(OrganizationId organization, PaymentQuery query) {
        return records.list(organization, query);
    }

    /** At most this many customers match a customer filter or a free text (an email, a name) of the search. */
    static final int SEARCHED_CUSTOMERS = 100;

    /**
     * A page of the payments page: the filters of {@link PaymentSearch}, with customers found by email or name
     * through the customers module (a customer filter that matches nobody finds no payment).
     */
    public List<Payment> search(OrganizationId organization, PaymentSearch search) {
        return searchedCustomers(organization, search)
                .map(found -> records.search(organization, search, found.ids(), found.text()))
                .orElse(List.of());
    }

    /**
     * Every payment of the search (its limit and cursor aside: all of them), newest first, handed over one at a
     * time as the database streams them, in one read-only transaction: an export of any size in flat memory.
     */
    public void export(OrganizationId organization, PaymentSearch search, Consumer<Payment> each) {
        readOnly.executeWithoutResult(status -> searchedCustomers(organization, search).ifPresent(found ->
                records.forEach(organization, search, found.ids(), found.text(), each)));
    }

    /** Every payment the API list's filters match (its limit and cursor aside), as {@link #export} does. */
    public void export(OrganizationId organization, PaymentQuery query, Consumer<Payment> each) {
        readOnly.executeWithoutResult(status -> records.forEach(organization, query, each));
    }

    /** The customers a search names (null: any) and those its free text found; empty when it names nobody. */
    private record SearchedCustomers(List<CustomerId> ids, List<CustomerId> text) {
    }

    private Optional<SearchedCustomers> searchedCustomers(OrganizationId organization, PaymentSearch search) {
        List<CustomerId> customerIds = null;
        if (search.customer() != null) {
            customerIds = parseCustomerId(search.customer())
                    .map(List::of)
                    .orElseGet(() -> customers.list(organization, search.customer(), SEARCHED_CUSTOMERS, null)
                            .stream().map(customer -> customer.id()).toList());
            if (customerIds.isEmpty()) {
                return Optional.empty();
            }
        }
        List<CustomerId> textCustomers = search.text() == null || search.text().length() < 3 ? List.of()
                : customers.list(organization, search.text(), SEARCHED_CUSTOMERS, null).stream()
                        .map(customer -> customer.id()).toList();
        return Optional.of(new SearchedCustomers(customerIds, textCustomers));
    }

    private static Optional<CustomerId> parseCustomerId(String text) {
        try {
            return text.length() == 36 ? Optional.of(new CustomerId(java.util.UUID.fromString(text)))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public List<Charge> charges(OrganizationId organization, PaymentId id) {
        return charges.ofPayment(organization, id);
    }

    public List<Refund> refunds(OrganizationId organization, PaymentId id) {
        return refunds.ofPayment(organization, id);
    }

    /** Every call Paydeck made to Stripe about the payment (its refunds included), oldest first. */
    public List<StripeCallLog.Call> stripeCalls(OrganizationId organization, PaymentId id) {
        return callLog.about(organization, "payment", id.toString());
    }

    /** Confirms with a payment method (e.g. after a decline, with another card). */
    public Payment confirm(OrganizationId organization, PaymentId id, String paymentMethod, String returnUrl,
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
        PaymentIntent intent;
        try {
            intent = StripeCallSubject.about("payment", id, () -> stripe.forOrganization(organization).v1()
                    .paymentIntents().confirm(payment.stripePaymentIntentId(), params.build()));
        } catch (CardException declined) {
            transactions.executeWithoutResult(status -> applyDeclined(organization, id, declined));
            throw StripeFailure.from(declined).with("payment_id", id.id());
        } catch (StripeException e) {
            throw StripeFailure.from(e).with("payment_id", id.id());
        }
        return applied(organization, id, intent, actor,
                after -> new PaymentConfirmed(organization, id, paymentMethod, actor, clock.instant()));
    }

    /** Captures an authorized payment, in full or in part ({@code amount} null = all that is capturable). */
    public Payment capture(OrganizationId organization, PaymentId id, Long amount, String actor) {
        Payment payment = inStripe(organization, id);
        if (!payment.status().isCapturable()) {
            throw new PaymentStateException("Only an authorized payment (status requires_capture) can be captured; "
                    + "this one is " + payment.status().code() + ".");
        }
        if (amount != null && amount > payment.amountCapturable().minor()) {
            throw new PaymentStateException("At most " + payment.amountCapturable().format() + " can be captured.");
        }
        var params = PaymentIntentCaptureParams.builder().addAllExpand(EXPAND);
        if (amount != null) {
            params.setAmountToCapture(amount);
        }
        Money captured = amount == null ? payment.amountCapturable() : payment.amount().withMinor(amount);
        PaymentIntent intent = callStripe(id, () -> stripe.forOrganization(organization).v1().paymentIntents()
                .capture(payment.stripePaymentIntentId(), params.build(),
                        StripeIdempotency.options("capture", id.id())));
        return applied(organization, id, intent, actor, after -> new PaymentCaptured(organization, id, captured,
                actor, clock.instant()));
    }

    public Payment cancel(OrganizationId organization, PaymentId id, String reason, String actor) {
        Payment payment = inStripe(organization, id);
        if (payment.status().isFinal()) {
            throw new PaymentStateException("A payment that is " + payment.status().code() + " cannot be canceled"
                    + (payment.status() == PaymentStatus.SUCCEEDED ? "; refund it instead." : "."));
        }
        var params = PaymentIntentCancelParams.builder().addAllExpand(EXPAND);
        if (reason != null) {
            params.setCancellationReason(PaymentIntentCancelParams.CancellationReason.valueOf(reason.toUpperCase()));
        }
        PaymentIntent intent = callStripe(id, () -> stripe.forOrganization(organization).v1().paymentIntents()
                .cancel(payment.stripePaymentIntentId(), params.build()));
        return applied(organization, id, intent, actor, after -> new PaymentCanceled(organization, id, reason,
                actor, clock.instant()));
    }

    /**
     * Refunds all that is left ({@code amount} null) or part of it. An amount over what is left is refused here,
     * before Stripe is called; concurrent refunds are counted under a lock of the payment.
     */
    public Refund refund(OrganizationId organization, PaymentId id, Long amount, String reason, String actor) {
        return refund(organization, id, amount, reason, null, actor);
    }

    /**
     * As {@link #refund(OrganizationId, PaymentId, Long, String, String)}, once per {@code idempotencyKey} (null:
     * none): a repeat with the same key (a double-submitted refund form) answers the refund the first one made, as it
     * is now, and refunds nothing more. The key is looked up under the payment's lock, so two at once refund once.
     */
    public Refund refund(OrganizationId organization, PaymentId id, Long amount, String reason, String idempotencyKey,
            String actor) {
        RefundId refundId = new RefundId(java.util.UUID.randomUUID());
        record Decision(Payment payment, RefundId earlier) {
        }
        Decision decision = transactions.execute(status -> {
            Payment locked = records.lock(organization, id).orElseThrow(NoSuchPaymentException::new);
            if (idempotencyKey != null) {
                Optional<Refund> earlier = refunds.byIdempotencyKey(organization, idempotencyKey);
                if (earlier.isPresent() && !earlier.get().paymentId().equals(id)) {
                    throw new PaymentStateException("This idempotency key was used for a refund of another payment.");
                }
                if (earlier.isPresent()) {
                    return new Decision(locked, earlier.get().id());
                }
            }
            if (!locked.status().isRefundable()) {
                throw new PaymentStateException("Only a succeeded payment can be refunded; this one is "
                        + locked.status().code() + (locked.status().isCapturable()
                        ? " (cancel it to release the authorization)." : "."));
            }
            Money left = locked.amountReceived().withMinor(locked.amountReceived().minor()
                    - refunds.committed(organization, id));
            Money wanted = amount == null ? left : left.withMinor(amount);
            if (!wanted.isPositive() || !left.isPositive()) {
                throw new PaymentStateException("This payment has been refunded in full already.");
            }
            if (wanted.isGreaterThan(left)) {
                throw new PaymentStateException("Cannot refund " + wanted.format() + ": only " + left.format()
                        + " of this payment is left to refund.");
            }
            refunds.insertPending(organization, refundId, id, wanted, reason, idempotencyKey);
            return new Decision(locked, null);
        });
        if (decision.earlier() != null) {
            return refunds.find(organization, decision.earlier()).orElseThrow();
        }
        Payment payment = decision.payment();
        Refund pending = refunds.find(organization, refundId).orElseThrow();
        var params = RefundCreateParams.builder().setPaymentIntent(payment.stripePaymentIntentId())
                .setAmount(pending.amount().minor()).putMetadata("paydeck_refund_id", refundId.toString());
        if (reason != null) {
            params.setReason(RefundCreateParams.Reason.valueOf(reason.toUpperCase()));
        }
        com.stripe.model.Refund created;
        try {
            created = StripeCallSubject.about("payment", id, () -> stripe.forOrganization(organization).v1()
                    .refunds().create(params.build(), StripeIdempotency.options("refund", refundId.id())));
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.from(e);
            refunds.markStatus(organization, refundId, failure.outcomeUnknown() ? RefundStatus.UNKNOWN
                    : RefundStatus.FAILED);
            throw failure.with("refund_id", refundId.id());
        }
        PaymentIntent intent = currentIntent(organization, payment.stripePaymentIntentId(), id);
        transactions.executeWithoutResult(status -> {
            // The payment row first, then its refund: the order in which events lock them too (no deadlock).
            records.lock(organization, id);
            refunds.apply(organization, refundId, created);
            records.recomputeRefunded(organization, id);
            if (intent != null) {
                mirror.apply(organization, id, intent, null, actor);
            }
            events.publishEvent(new PaymentRefunded(organization, id, refundId, pending.amount(), actor, clock.instant()));
        });
        return refunds.find(organization, refundId).orElseThrow();
    }

    /** The PaymentIntent with its charge as it is now, for its figures; null if Stripe does not answer. */
    private PaymentIntent currentIntent(OrganizationId organization, String intentId, PaymentId id) {
        try {
            return mirror.retrieve(organization, intentId, id);
        } catch (StripeException e) {
            // The refund itself is recorded; the charge figures catch up with the next webhook or resync.
            return null;
        }
    }

    private static PaymentIntent callStripe(PaymentId id, StripeCallSubject.Call<PaymentIntent> call) {
        try {
            return StripeCallSubject.about("payment", id, call);
        } catch (StripeException e) {
            throw StripeFailure.from(e).with("payment_id", id.id());
        }
    }

    /** Applies Stripe's answer and publishes what happened, in one transaction; the payment after. */
    private Payment applied(OrganizationId organization, PaymentId id, PaymentIntent intent, String actor,
            Function<Payment, PaymentEvent> happened) {
        return transactions.execute(status -> {
            Payment after = mirror.apply(organization, id, intent, null, actor).orElseThrow().payment();
            events.publishEvent(happened.apply(after));
            return after;
        });
    }

    private Payment inStripe(OrganizationId organization, PaymentId id) {
        Payment payment = records.find(organization, id).orElseThrow(NoSuchPaymentException::new);
        if (payment.stripePaymentIntentId() == null) {
            throw new PaymentStateException("This payment has not reached Stripe yet (status "
                    + payment.status().code() + "); retry its creation with the same Idempotency-Key.");
        }
        return payment;
    }

    private void applyDeclined(OrganizationId organization, PaymentId id, CardException declined) {
        PaymentIntent intent = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
        if (intent != null) {
            mirror.apply(organization, id, intent, null, "stripe");
        } else {
            records.markStatus(organization, id, PaymentStatus.REQUIRES_PAYMENT_METHOD);
        }
    }

    private StripeFailure unresolved(OrganizationId organization, PaymentId id, StripeException e) {
        StripeFailure failure = StripeFailure.from(e);
        if (failure.outcomeUnknown()) {
            records.markStatus(organization, id, PaymentStatus.UNKNOWN);
        } else {
            records.remove(organization, id);
        }
        return failure.with("payment_id", id.id());
    }

    private CustomerId customerFor(OrganizationId organization, PaymentRequest request, String actor) {
        if (request.customerId() != null) {
            var customer = customers.find(organization, request.customerId())
                    .filter(found -> found.status().isActive())
                    .orElseThrow(() -> new InvalidPaymentException("customer_id", "There is no such customer."));
            return customer.id();
        }
        if (request.customerEmail() != null) {
            return customers.create(organization, new CustomerDraft(request.customerEmail(), request.customerName(),
                    null, null, null), actor).id();
        }
        return null;
    }

    private String stripeCustomerId(OrganizationId organization, CustomerId customerId) {
        return customerId == null ? null
                : customers.find(organization, customerId).map(c -> c.stripeCustomerId()).orElse(null);
    }

    private String clientSecret(OrganizationId organization, Payment payment) {
        if (payment.stripePaymentIntentId() == null) {
            return null;
        }
        try {
            return StripeCallSubject.about("payment", payment.id(), () -> stripe.forOrganization(organization).v1()
                    .paymentIntents().retrieve(payment.stripePaymentIntentId())).getClientSecret();
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
    }
}
