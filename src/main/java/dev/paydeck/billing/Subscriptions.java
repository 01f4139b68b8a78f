package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionResumeParams;
import com.stripe.param.SubscriptionUpdateParams;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.RecordFirst;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Customers' subscriptions, kept locally and in the organization's Stripe with the mirror recipe: staff create one
 * (record first, then Stripe with the key {@code paydeck-subscription-<id>}), preview a plan change and make it with
 * the preview's proration date (so what is billed is what was shown), cancel it now or at the period's end, and undo
 * the latter. Subscriptions made elsewhere arrive by webhook or resync ({@link SubscriptionMirror}).
 */
@Service("billingSubscriptions")
public class Subscriptions {

    /** The metadata key that links a Stripe subscription to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_subscription_id";

    /** Why a subscription cannot be created or changed as asked: the request is understood but not possible now. */
    public static final class SubscriptionRefused extends RuntimeException {
        private final String field;

        public SubscriptionRefused(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The request's field at fault (null: none in particular). */
        public String field() {
            return field;
        }
    }

    private final SubscriptionRecords records;
    private final PriceRecords prices;
    private final Customers customers;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Subscriptions(SubscriptionRecords records, PriceRecords prices, Customers customers, StripeClients stripe,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.prices = prices;
        this.customers = customers;
        this.stripe = stripe;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a subscription once per {@code idempotencyKey} (null: no key). A {@link SubscriptionRefused} when the
     * customer or price cannot take one; a {@link StripeFailure} when Stripe refuses or cannot be reached (then the
     * record stays {@code unknown} and the janitor finishes it).
     */
    public Subscription create(OrganizationId organization, SubscriptionDraft draft, String actor,
            String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Subscription> earlier = records.byIdempotencyKey(organization, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Customer customer = customers.find(organization, draft.customer())
                .filter(c -> c.status().isActive() && c.stripeCustomerId() != null)
                .orElseThrow(() -> new SubscriptionRefused("customer_id", "There is no such customer in Stripe."));
        Price price = recurringPrice(organization, draft.price(), "price_id");
        SubscriptionId id = SubscriptionId.random();
        Optional<Subscription> meanwhile = RecordFirst.insertUnlessTaken(idempotencyKey,
                key -> records.byIdempotencyKey(organization, key),
                () -> transactions.executeWithoutResult(status -> records.insertPending(organization, id, draft,
                        customer.stripeCustomerId(), price, idempotencyKey)));
        if (meanwhile.isPresent()) {
            return meanwhile.get();
        }
        com.stripe.model.Subscription created = RecordFirst.send(
                () -> send(organization, records.find(organization, id).orElseThrow()),
                RecordFirst.pending(() -> records.markUnknown(organization, id),
                        () -> records.remove(organization, id)),
                "subscription_id", id.id());
        Subscription answer = transactions.execute(status -> {
            records.apply(organization, id, created, null, customer.id());
            Subscription recorded = records.find(organization, id).orElseThrow();
            events.publishEvent(new SubscriptionCreated(organization, id, created.getId(), created.getStatus(),
                    actor, clock.instant()));
            return recorded;
        });
        return answer;
    }

    /**
     * What Stripe.js needs to pay a subscription's first invoice (one created {@code default_incomplete}): the
     * invoice's confirmation secret, while the invoice is open; empty once paid, or for no such subscription.
     */
    public Optional<String> firstPaymentSecret(OrganizationId organization, SubscriptionId id) {
        Optional<Subscription> found = records.find(organization, id).filter(s -> s.stripeSubscriptionId() != null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return StripeCallSubject.about("subscription", id, () -> {
                var client = stripe.forOrganization(organization).v1();
                String invoice = client.subscriptions().retrieve(found.get().stripeSubscriptionId()).getLatestInvoice();
                if (invoice == null) {
                    return Optional.<String>empty();
                }
                var latest = client.invoices().retrieve(invoice, com.stripe.param.InvoiceRetrieveParams.builder()
                        .addExpand("confirmation_secret").build());
                return "open".equals(latest.getStatus()) && latest.getConfirmationSecret() != null
                        ? Optional.of(latest.getConfirmationSecret().getClientSecret()) : Optional.<String>empty();
            });
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
    }

    /** Creates the Stripe subscription of a pending record; the same call each time for the same record. */
    com.stripe.model.Subscription send(OrganizationId organization, Subscription pending) throws StripeException {
        Subscription.Item item = pending.firstItem();
        var params = SubscriptionCreateParams.builder().setCustomer(pending.stripeCustomerId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(item.stripePriceId())
                        .setQuantity(item.quantity()).build())
                .putAllMetadata(withPaydeckId(pending.metadata(), pending.id()));
        if (pending.trialPeriodDays() != null && pending.trialPeriodDays() > 0) {
            params.setTrialPeriodDays((long) pending.trialPeriodDays());
        }
        if (records.paymentBehavior(organization, pending.id()).filter(SubscriptionDraft.DEFAULT_INCOMPLETE::equals)
                .isPresent()) {
            params.setPaymentBehavior(SubscriptionCreateParams.PaymentBehavior.DEFAULT_INCOMPLETE);
        }
        if (SubscriptionDraft.SEND_INVOICE.equals(pending.collectionMethod())) {
            params.setCollectionMethod(SubscriptionCreateParams.CollectionMethod.SEND_INVOICE)
                    .setDaysUntilDue((long) (pending.daysUntilDue() == null ? 30 : pending.daysUntilDue()));
        } else {
            params.setCollectionMethod(SubscriptionCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY);
        }
        return StripeCallSubject.about("subscription", pending.id(), () -> stripe.forOrganization(organization)
                .v1().subscriptions().create(params.build(),
                        StripeIdempotency.options("subscription", pending.id().id())));
    }

    public Optional<Subscription> find(OrganizationId organization, SubscriptionId id) {
        return records.find(organization, id);
    }

    /** A page, newest first; each filter null means any. */
    public List<Subscription> list(OrganizationId organization, SubscriptionStatus status, CustomerId customer,
            PriceId price, int limit, SubscriptionId startingAfter) {
        return records.list(organization, new SubscriptionRecords.Filters(status, customer, price), limit,
                startingAfter);
    }

    /** Every subscription the filters keep, newest first, read a batch at a time (for exports). */
    public void export(OrganizationId organization, SubscriptionStatus status, CustomerId customer, PriceId price,
            Consumer<Subscription> each) {
        records.export(organization, new SubscriptionRecords.Filters(status, customer, price), each);
    }

    /** Past due, unpaid or incomplete: money owed that is not coming by itself; the oldest first. */
    public List<Subscription> needingAttention(OrganizationId organization, int limit) {
        return records.needingAttention(organization, limit);
    }

    public long countNeedingAttention(OrganizationId organization) {
        return records.countNeedingAttention(organization);
    }

    /**
     * What the change would bill, asked of Stripe's invoice preview. Empty when there is no such subscription; a
     * {@link SubscriptionRefused} when it cannot change.
     */
    public Optional<SubscriptionPreview> preview(OrganizationId organization, SubscriptionId id,
            SubscriptionChange change) {
        Optional<Subscription> found = records.find(organization, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = changeable(found.get());
        Subscription.Item moving = change.itemOf(subscription);
        Price price = newPrice(organization, subscription, change);
        var item = InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder()
                .setId(moving.stripeItemId());
        if (price != null) {
            item.setPrice(price.stripePriceId());
        }
        if (change.quantity() != null) {
            item.setQuantity(change.quantity());
        }
        var params = InvoiceCreatePreviewParams.builder().setCustomer(subscription.stripeCustomerId())
                .setSubscription(subscription.stripeSubscriptionId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder().addItem(item.build())
                        .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior
                                .valueOf(change.behavior().toUpperCase()))
                        .build());
        Invoice preview;
        try {
            preview = StripeCallSubject.about("subscription", id, () -> stripe.forOrganization(organization).v1()
                    .invoices().createPreview(params.build()));
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        return Optional.of(SubscriptionPreview.of(change, preview));
    }

    /**
     * Changes the plan (price and/or quantity of the change's item), prorated at {@code prorationDate} (the preview's;
     * null: now). A form's {@code requestKey} (null: none) makes the Stripe call once however often it is sent.
     * Empty when there is no such subscription.
     */
    public Optional<Subscription> change(OrganizationId organization, SubscriptionId id, SubscriptionChange change,
            Long prorationDate, java.util.UUID requestKey, String actor) {
        Optional<Subscription> found = records.find(organization, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = changeable(found.get());
        Subscription.Item moving = change.itemOf(subscription);
        Price price = newPrice(organization, subscription, change);
        var item = SubscriptionUpdateParams.Item.builder().setId(moving.stripeItemId());
        if (price != null) {
            item.setPrice(price.stripePriceId());
        }
        if (change.quantity() != null) {
            item.setQuantity(change.quantity());
        }
        var params = SubscriptionUpdateParams.builder().addItem(item.build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.valueOf(change.behavior()
                        .toUpperCase()));
        if (prorationDate != null && !"none".equals(change.behavior())) {
            params.setProrationDate(prorationDate);
        }
        return Optional.of(update(organization, subscription, params.build(), requestKey == null ? null
                : StripeIdempotency.options("subscription-change", requestKey), "plan_changed", actor));
    }

    /** Cancels now, or at the end of the current period. Empty when there is no such subscription. */
    public Optional<Subscription> cancel(OrganizationId organization, SubscriptionId id, boolean atPeriodEnd,
            String actor) {
        Optional<Subscription> found = records.find(organization, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = found.get();
        if (subscription.status().isFinal() || subscription.status().isUnresolved()) {
            throw new SubscriptionRefused(null, "This subscription cannot be canceled: it is "
                    + subscription.status().code() + ".");
        }
        if (atPeriodEnd) {
            return Optional.of(update(organization, subscription, SubscriptionUpdateParams.builder()
                    .setCancelAtPeriodEnd(true).build(), null, "cancel_at_period_end", actor));
        }
        com.stripe.model.Subscription canceled;
        try {
            canceled = StripeCallSubject.about("subscription", id, () -> stripe.forOrganization(organization).v1()
                    .subscriptions().cancel(subscription.stripeSubscriptionId(),
                            SubscriptionCancelParams.builder().build()));
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        return Optional.of(applied(organization, subscription, canceled, new SubscriptionCanceled(organization, id,
                subscription.stripeSubscriptionId(), actor, clock.instant())));
    }

    /**
     * Undoes a cancellation at the period's end, or resumes a paused subscription. Empty when there is no such
     * subscription.
     */
    public Optional<Subscription> resume(OrganizationId organization, SubscriptionId id, String actor) {
        Optional<Subscription> found = records.find(organization, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = found.get();
        if (subscription.status() == SubscriptionStatus.PAUSED) {
            com.stripe.model.Subscription resumed;
            try {
                resumed = StripeCallSubject.about("subscription", id, () -> stripe.forOrganization(organization)
                        .v1().subscriptions().resume(subscription.stripeSubscriptionId(),
                                SubscriptionResumeParams.builder().build()));
            } catch (StripeException e) {
                throw StripeFailure.from(e);
            }
            return Optional.of(applied(organization, subscription, resumed, new SubscriptionUpdated(organization, id,
                    "resumed", actor, clock.instant())));
        }
        if (!subscription.cancelAtPeriodEnd() || subscription.status().isFinal()) {
            throw new SubscriptionRefused(null, "Only a subscription set to cancel at its period's end, or a "
                    + "paused one, can be resumed.");
        }
        return Optional.of(update(organization, subscription, SubscriptionUpdateParams.builder()
                .setCancelAtPeriodEnd(false).build(), null, "resumed", actor));
    }

    private Subscription update(OrganizationId organization, Subscription subscription,
            SubscriptionUpdateParams params, com.stripe.net.RequestOptions options, String change, String actor) {
        com.stripe.model.Subscription updated;
        try {
            updated = StripeCallSubject.about("subscription", subscription.id(), () -> options == null
                    ? stripe.forOrganization(organization).v1().subscriptions()
                    .update(subscription.stripeSubscriptionId(), params)
                    : stripe.forOrganization(organization).v1().subscriptions()
                    .update(subscription.stripeSubscriptionId(), params, options));
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        return applied(organization, subscription, updated, new SubscriptionUpdated(organization, subscription.id(),
                change, actor, clock.instant()));
    }

    private Subscription applied(OrganizationId organization, Subscription subscription,
            com.stripe.model.Subscription answer, SubscriptionEvent happened) {
        return transactions.execute(status -> {
            records.apply(organization, subscription.id(), answer, null, null);
            events.publishEvent(happened);
            return records.find(organization, subscription.id()).orElseThrow();
        });
    }

    private static Subscription changeable(Subscription subscription) {
        if (!subscription.status().isLive() || subscription.firstItem() == null
                || subscription.items().stream().anyMatch(item -> item.stripeItemId() == null)) {
            throw new SubscriptionRefused(null, "This subscription's plan cannot change: it is "
                    + subscription.status().code() + ".");
        }
        return subscription;
    }

    /** The change's new price (null: the same), recurring, active and in the subscription's currency. */
    private Price newPrice(OrganizationId organization, Subscription subscription, SubscriptionChange change) {
        Price price = change.price() == null ? null : recurringPrice(organization, change.price(), "price_id");
        if (price != null && !price.currency().equalsIgnoreCase(subscription.currency())) {
            throw new SubscriptionRefused("price_id", "The new price must be in the subscription's currency ("
                    + subscription.currency() + ").");
        }
        return price;
    }

    private Price recurringPrice(OrganizationId organization, PriceId id, String field) {
        Price price = prices.find(organization, id)
                .orElseThrow(() -> new SubscriptionRefused(field, "There is no such price."));
        if (price.status() != PriceStatus.ACTIVE || price.stripePriceId() == null) {
            throw new SubscriptionRefused(field, "The price is not active in Stripe.");
        }
        if (price.recurring() == null) {
            throw new SubscriptionRefused(field, "A subscription needs a recurring price, not a one-time one.");
        }
        return price;
    }

    private static Map<String, String> withPaydeckId(Map<String, String> metadata, SubscriptionId id) {
        Map<String, String> all = new HashMap<>(metadata == null ? Map.of() : metadata);
        all.put(PAYDECK_ID, id.toString());
        return all;
    }
}
