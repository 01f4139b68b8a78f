package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.InvoicePayParams;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeCallLog;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.RecordFirst;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An organization's invoices, kept locally and in its Stripe with the mirror recipe: the record first, then Stripe
 * ({@link InvoiceCreation}, keys derived from the record's id); the actions Stripe allows in each status (finalize,
 * send, pay, pay out of band, void, mark uncollectible) applied from Stripe's answer, and invoices made elsewhere
 * recorded from Stripe's events and resync.
 */
@Service("billingInvoices")
public class Invoices {

    /** The metadata key that links a Stripe invoice to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_invoice_id";

    /** An invoice that cannot be made as asked, naming the field. */
    public static final class InvalidInvoiceException extends RuntimeException {

        private final String field;

        public InvalidInvoiceException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** An action the invoice's status does not allow. */
    public static final class InvoiceStateException extends RuntimeException {
        InvoiceStateException(String message) {
            super(message);
        }
    }

    private final InvoiceRecords records;
    private final InvoiceCreation creation;
    private final InvoiceMirror mirror;
    private final PriceRecords prices;
    private final ProductRecords products;
    private final Customers customers;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final ApplicationEventPublisher events;
    private final StripeCallLog callLog;
    private final Clock clock;

    Invoices(InvoiceRecords records, InvoiceCreation creation, InvoiceMirror mirror, PriceRecords prices,
            ProductRecords products, Customers customers, StripeClients stripe, TransactionTemplate transactions,
            ApplicationEventPublisher events, StripeCallLog callLog, Clock clock) {
        this.callLog = callLog;
        this.records = records;
        this.creation = creation;
        this.mirror = mirror;
        this.prices = prices;
        this.products = products;
        this.customers = customers;
        this.stripe = stripe;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the invoice (a draft) in Stripe, once per {@code idempotencyKey} (null: no key). An
     * {@link InvalidInvoiceException} when its customer or a price is not one Paydeck can invoice, a
     * {@link StripeFailure} when Stripe refuses it (an unknown tax rate or coupon) or does not answer.
     */
    public Invoice create(OrganizationId organization, InvoiceDraft draft, String actor, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Invoice> earlier = records.byIdempotencyKey(organization, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        InvoiceRequest request = request(organization, draft);
        InvoiceId id = InvoiceId.random();
        Optional<Invoice> meanwhile = RecordFirst.insertUnlessTaken(idempotencyKey,
                key -> records.byIdempotencyKey(organization, key),
                () -> records.insertPending(organization, id, draft.customer(), request, idempotencyKey));
        if (meanwhile.isPresent()) {
            return meanwhile.get();
        }
        com.stripe.model.Invoice created = RecordFirst.send(() -> creation.send(organization, id, request),
                RecordFirst.pending(() -> records.markUnknown(organization, id),
                        () -> records.remove(organization, id)),
                "invoice_id", id.id());
        return transactions.execute(status -> {
            mirror.applyCurrent(organization, created, actor);
            Invoice invoice = records.find(organization, id).orElseThrow();
            events.publishEvent(new InvoiceCreated(organization, id, invoice.total(), actor, clock.instant()));
            return invoice;
        });
    }

    /** The draft in Stripe's terms: its customer's and prices' Stripe ids, one currency. */
    private InvoiceRequest request(OrganizationId organization, InvoiceDraft draft) {
        Customer customer = customers.find(organization, draft.customer())
                .orElseThrow(() -> new InvalidInvoiceException("customer_id", "There is no such customer."));
        if (customer.stripeCustomerId() == null) {
            throw new InvalidInvoiceException("customer_id", "The customer is not in Stripe yet: try again soon.");
        }
        if (draft.lines() == null || draft.lines().isEmpty()) {
            throw new InvalidInvoiceException("lines", "An invoice needs at least one line.");
        }
        String currency = null;
        List<InvoiceRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            InvoiceDraft.Line line = draft.lines().get(i);
            String field = "lines[" + i + "]";
            String lineCurrency;
            if (line.quantity() < 1) {
                throw new InvalidInvoiceException(field + ".quantity", "The quantity must be at least 1.");
            }
            if (line.price() != null) {
                Price price = prices.find(organization, line.price()).orElseThrow(() -> new InvalidInvoiceException(
                        field + ".price_id", "There is no such price."));
                if (price.status() != PriceStatus.ACTIVE) {
                    throw new InvalidInvoiceException(field + ".price_id", "The price is not active.");
                }
                if (price.recurring() != null) {
                    throw new InvalidInvoiceException(field + ".price_id", "A recurring price belongs on a "
                            + "subscription, not on a one-off invoice line.");
                }
                lineCurrency = price.currency();
                // As Stripe describes a price's line: by its product's name, unless the line says otherwise.
                String description = line.description() != null ? line.description()
                        : products.find(organization, price.product()).map(Product::name).orElse(null);
                lines.add(new InvoiceRequest.Line(price.stripePriceId(), null, description, line.quantity(),
                        line.taxRates()));
            } else if (line.amount() != null) {
                if (line.description() == null || line.description().isBlank()) {
                    throw new InvalidInvoiceException(field + ".description", "A line with a free amount needs a "
                            + "description.");
                }
                lineCurrency = line.amount().stripeCurrency();
                lines.add(new InvoiceRequest.Line(null, line.amount().minor(), line.description().strip(), 1,
                        line.taxRates()));
            } else {
                throw new InvalidInvoiceException(field, "A line needs a price_id, or an amount and a description.");
            }
            if (currency != null && !currency.equalsIgnoreCase(lineCurrency)) {
                throw new InvalidInvoiceException(field, "All lines of an invoice must be in one currency.");
            }
            currency = lineCurrency.toLowerCase(java.util.Locale.ROOT);
        }
        boolean sendInvoice = InvoiceDraft.SEND_INVOICE.equals(draft.collectionMethod());
        if (draft.daysUntilDue() != null && !sendInvoice) {
            throw new InvalidInvoiceException("days_until_due", "Only an invoice sent to the customer "
                    + "(collection_method send_invoice) has days until due.");
        }
        if (draft.daysUntilDue() != null && (draft.daysUntilDue() < 0 || draft.daysUntilDue() > 730)) {
            throw new InvalidInvoiceException("days_until_due", "Must be between 0 and 730.");
        }
        return new InvoiceRequest(customer.stripeCustomerId(), currency,
                sendInvoice ? InvoiceDraft.SEND_INVOICE : InvoiceDraft.CHARGE_AUTOMATICALLY,
                sendInvoice ? (draft.daysUntilDue() == null ? 30 : draft.daysUntilDue()) : null,
                draft.description(), draft.metadata(), draft.taxRates(), draft.coupon(), lines);
    }

    /**
     * Does {@code action} to the invoice in Stripe and applies Stripe's answer; empty when there is no such invoice,
     * an {@link InvoiceStateException} when its status does not allow it, a {@link StripeFailure} when Stripe refuses
     * (a declined card: 402). {@code paymentMethod}: for {@link InvoiceAction#PAY}, a payment method to charge
     * instead of the customer's default (null: the default).
     */
    public Optional<Invoice> act(OrganizationId organization, InvoiceId id, InvoiceAction action, String paymentMethod,
            String actor) {
        Optional<Invoice> found = records.find(organization, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invoice invoice = found.get();
        if (action == InvoiceAction.SEND && invoice.status().allows(action) && !invoice.allows(action)) {
            throw new InvoiceStateException("Only an invoice the customer pays on its page (collection_method "
                    + "send_invoice) is sent: this one is charged automatically.");
        }
        if (!invoice.allows(action)) {
            throw new InvoiceStateException("An invoice that is " + invoice.status().code() + " cannot be "
                    + switch (action) {
                        case FINALIZE -> "finalized";
                        case SEND -> "sent";
                        case PAY, PAY_OUT_OF_BAND -> "paid";
                        case VOID -> "voided";
                        case MARK_UNCOLLECTIBLE -> "marked uncollectible";
                    } + ".");
        }
        com.stripe.model.Invoice answer;
        try {
            answer = StripeCallSubject.about("invoice", id, () -> {
                var service = stripe.forOrganization(organization).v1().invoices();
                String stripeId = invoice.stripeInvoiceId();
                var done = switch (action) {
                    case FINALIZE -> service.finalizeInvoice(stripeId);
                    case SEND -> service.sendInvoice(stripeId);
                    case PAY -> service.pay(stripeId, paymentMethod == null ? InvoicePayParams.builder().build()
                            : InvoicePayParams.builder().setPaymentMethod(paymentMethod).build());
                    case PAY_OUT_OF_BAND -> service.pay(stripeId, InvoicePayParams.builder().setPaidOutOfBand(true)
                            .build());
                    case VOID -> service.voidInvoice(stripeId);
                    case MARK_UNCOLLECTIBLE -> service.markUncollectible(stripeId);
                };
                return mirror.withAllLines(organization, done);
            });
        } catch (StripeException e) {
            throw StripeFailure.from(e).with("invoice_id", id.id());
        }
        return Optional.of(transactions.execute(status -> {
            if (action == InvoiceAction.PAY_OUT_OF_BAND) {
                records.markPaidOutOfBand(organization, id);
            }
            mirror.applyCurrent(organization, answer, actor);
            if (action == InvoiceAction.SEND) {
                mirror.markSent(organization, id, actor);
            }
            return records.find(organization, id).orElseThrow();
        }));
    }

    public Optional<Invoice> find(OrganizationId organization, InvoiceId id) {
        return records.find(organization, id);
    }

    /** The invoice's lines, in Stripe's order. */
    public List<InvoiceLine> lines(OrganizationId organization, InvoiceId id) {
        return records.lines(organization, id);
    }

    /** Every call Paydeck made to Stripe about the invoice, oldest first. */
    public List<StripeCallLog.Call> stripeCalls(OrganizationId organization, InvoiceId id) {
        return callLog.about(organization, "invoice", id.toString());
    }

    /** A page of invoices, newest first. */
    public List<Invoice> list(OrganizationId organization, InvoiceQuery query) {
        return records.list(organization, query, clock.instant());
    }

    /** Every invoice the query matches (its limit and cursor aside), one at a time, in one read-only transaction. */
    public void export(OrganizationId organization, InvoiceQuery query, Consumer<Invoice> each) {
        readOnly.executeWithoutResult(status -> records.export(organization, query, clock.instant(), each));
    }

    /** The invoices created in [from, to), per currency. */
    public InvoiceStatistics statistics(OrganizationId organization, Instant from, Instant to) {
        Map<String, Map<String, InvoiceStatistics.Figure>> byCurrency = new LinkedHashMap<>();
        for (InvoiceRecords.Figure figure : records.figures(organization, from, to, clock.instant())) {
            byCurrency.computeIfAbsent(figure.currency(), c -> new LinkedHashMap<>()).put(figure.group(),
                    new InvoiceStatistics.Figure(figure.count(), Money.of(figure.amount(), figure.currency())));
        }
        List<InvoiceStatistics.InCurrency> currencies = new ArrayList<>();
        byCurrency.forEach((currency, groups) -> {
            InvoiceStatistics.Figure none = new InvoiceStatistics.Figure(0, Money.of(0, currency));
            currencies.add(new InvoiceStatistics.InCurrency(currency, groups.getOrDefault("open", none),
                    groups.getOrDefault("overdue", none), groups.getOrDefault("paid", none),
                    groups.getOrDefault("uncollectible", none)));
        });
        return new InvoiceStatistics(from, to, currencies);
    }

    /** Now, by the business clock (for what is overdue). */
    public Instant now() {
        return clock.instant();
    }
}
