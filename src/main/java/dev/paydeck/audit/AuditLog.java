package dev.paydeck.audit;

import dev.paydeck.billing.CatalogEvent;
import dev.paydeck.billing.CouponCreated;
import dev.paydeck.billing.CouponDeleted;
import dev.paydeck.billing.CouponEvent;
import dev.paydeck.billing.InvoiceCreated;
import dev.paydeck.billing.InvoiceEvent;
import dev.paydeck.billing.InvoiceFinalized;
import dev.paydeck.billing.InvoiceMarkedUncollectible;
import dev.paydeck.billing.InvoicePaid;
import dev.paydeck.billing.InvoicePaymentFailed;
import dev.paydeck.billing.InvoiceSent;
import dev.paydeck.billing.InvoiceVoided;
import dev.paydeck.billing.PriceArchived;
import dev.paydeck.billing.PriceCreated;
import dev.paydeck.billing.PriceUpdated;
import dev.paydeck.billing.ProductArchived;
import dev.paydeck.billing.ProductCreated;
import dev.paydeck.billing.ProductDeleted;
import dev.paydeck.billing.ProductUpdated;
import dev.paydeck.billing.TaxRateArchived;
import dev.paydeck.billing.TaxRateCreated;
import dev.paydeck.billing.TaxRateEvent;
import dev.paydeck.billing.TaxRateUnarchived;
import dev.paydeck.checkout.PortalSettingsChanged;
import dev.paydeck.customers.CustomerCreated;
import dev.paydeck.customers.CustomerDeleted;
import dev.paydeck.customers.CustomerEvent;
import dev.paydeck.customers.CustomerUpdated;
import dev.paydeck.organizations.MembershipChanged;
import dev.paydeck.organizations.OrganizationCreated;
import dev.paydeck.organizations.StripeCredentialsChanged;
import dev.paydeck.organizations.WebhookSecretEntered;
import dev.paydeck.payments.PaymentCanceled;
import dev.paydeck.payments.PaymentCaptured;
import dev.paydeck.payments.PaymentConfirmed;
import dev.paydeck.payments.PaymentCreated;
import dev.paydeck.payments.PaymentDeclined;
import dev.paydeck.payments.PaymentDisputed;
import dev.paydeck.payments.PaymentEvent;
import dev.paydeck.payments.PaymentRefunded;
import dev.paydeck.shared.OrganizationId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The organization's audit log: one append-only line per thing done through Paydeck (payments, refunds,
 * captures, cancellations, customers, Stripe keys, members, API keys), written after commit from the modules' events
 * through the event publication registry. A failure to write a line never undoes or fails the action itself (which
 * may already have moved money): the publication stays incomplete and is delivered again later.
 * <p>
 * Each listener writes its one line outside a transaction ({@code Propagation.NOT_SUPPORTED}): a single insert commits on
 * its own, and the transaction a module listener otherwise opens would cost a commit round trip per event (every
 * payment has one). The registry marks the publication completed only after the line is written.
 */
@Service
public class AuditLog {

    /** One line of the log. */
    public record Entry(long id, OffsetDateTime occurredAt, String actor, String action, String objectType,
                        String objectId, String detail) {
    }

    /**
     * What to show of the log: by action ({@code payment.refunded}), type of object ({@code payment}), who
     * ({@code ada@example.com}, {@code api key Shop backend}) and time ({@code from} inclusive, {@code to} exclusive);
     * null means any.
     */
    public record Filter(String action, String objectType, String actor, OffsetDateTime from, OffsetDateTime to) {
    }

    /** Every action the log writes. */
    public static final List<String> ACTIONS = List.of("organization.created", "stripe_keys.replaced",
            "webhook_secret.entered", "member.invited", "member.added", "member.role_changed", "member.removed",
            "member.invitation_revoked", "api_key.created", "api_key.revoked", "customer.created",
            "customer.updated", "customer.deleted", "payment.created", "payment.declined", "payment.confirmed",
            "payment.captured", "payment.canceled", "payment.refunded", "payment.disputed", "product.created",
            "product.updated", "product.archived", "product.deleted", "price.created", "price.updated",
            "price.archived",
            "coupon.created", "coupon.deleted", "tax_rate.created", "tax_rate.archived", "tax_rate.unarchived",
            "portal_settings.changed");

    /** Every type of object the log's lines are about. */
    public static final List<String> OBJECT_TYPES = List.of("organization", "member", "api_key", "customer",
            "payment", "product", "price",
            "coupon", "tax_rate");

    private final AuditRecords records;

    AuditLog(AuditRecords records) {
        this.records = records;
    }

    public List<Entry> recent(OrganizationId organization, String action, Long beforeId, int limit) {
        return records.recent(organization, action, beforeId, limit);
    }

    /** Newest first, the lines the filter lets through, older than the line {@code beforeId} when given. */
    public List<Entry> search(OrganizationId organization, Filter filter, Long beforeId, int limit) {
        return records.search(organization, filter, beforeId, limit);
    }

    /** The actions the organization's log holds, with every action the log writes, alphabetically. */
    public List<String> actions(OrganizationId organization) {
        java.util.TreeSet<String> actions = new java.util.TreeSet<>(ACTIONS);
        actions.addAll(records.actions(organization));
        return List.copyOf(actions);
    }

    /** The types of object the organization's log is about, with every type the log writes, alphabetically. */
    public List<String> objectTypes(OrganizationId organization) {
        java.util.TreeSet<String> types = new java.util.TreeSet<>(OBJECT_TYPES);
        types.addAll(records.objectTypes(organization));
        return List.copyOf(types);
    }

    /** Who appears in the organization's log (people's emails, API keys, {@code system}), alphabetically. */
    public List<String> actors(OrganizationId organization) {
        return records.actors(organization);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void organizationCreated(OrganizationCreated event) {
        write(event.organization(), event.actor(), "organization.created", "organization",
                event.organization().toString(), event.name(), event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void keysChanged(StripeCredentialsChanged event) {
        write(event.organization(), event.actor(), "stripe_keys.replaced", "organization",
                event.organization().toString(), "mode " + event.mode().code(), event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void portalSettingsChanged(PortalSettingsChanged event) {
        write(event.organization(), event.actor(), "portal_settings.changed", "organization",
                event.organization().toString(), "customers may cancel: " + (event.customersCancel() ? "yes" : "no")
                        + ", change their plan: " + (event.customersChangePlan() ? "yes" : "no"),
                event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void webhookSecretEntered(WebhookSecretEntered event) {
        write(event.organization(), event.actor(), "webhook_secret.entered", "organization",
                event.organization().toString(), null, event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void membership(MembershipChanged event) {
        write(event.organization(), event.actor(), event.action(), event.objectType(), event.objectId(),
                event.detail(), event.occurredAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void customer(CustomerEvent event) {
        String action = switch (event) {
            case CustomerCreated created -> "customer.created";
            case CustomerUpdated updated -> "customer.updated";
            case CustomerDeleted deleted -> "customer.deleted";
        };
        write(event.organization(), event.actor(), action, "customer", event.customer().toString(), null,
                event.occurredAt());
    }

    /** Every change to the catalog is a line; a price's says its amount. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void catalog(CatalogEvent event) {
        record Line(String action, String detail) {
        }
        Line line = switch (event) {
            case ProductCreated created -> new Line("product.created", null);
            case ProductUpdated updated -> new Line("product.updated", null);
            case ProductArchived archived -> new Line("product.archived", null);
            case ProductDeleted deleted -> new Line("product.deleted", null);
            case PriceCreated created -> new Line("price.created", amount(created.unitAmount()));
            case PriceUpdated updated -> new Line("price.updated", amount(updated.unitAmount()));
            case PriceArchived archived -> new Line("price.archived", amount(archived.unitAmount()));
        };
        write(event.organization(), event.actor(), line.action(), event.objectType(), event.objectId(),
                line.detail(), event.occurredAt());
    }

    /** Every coupon made or deleted through Paydeck is a line that says what it takes off. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void coupon(CouponEvent event) {
        String action = switch (event) {
            case CouponCreated created -> "coupon.created";
            case CouponDeleted deleted -> "coupon.deleted";
        };
        write(event.organization(), event.actor(), action, "coupon", event.coupon().toString(), event.off(),
                event.occurredAt());
    }

    /** Every tax rate made, archived or made active again through Paydeck is a line with its name and percentage. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void taxRate(TaxRateEvent event) {
        String action = switch (event) {
            case TaxRateCreated created -> "tax_rate.created";
            case TaxRateArchived archived -> "tax_rate.archived";
            case TaxRateUnarchived unarchived -> "tax_rate.unarchived";
        };
        write(event.organization(), event.actor(), action, "tax_rate", event.taxRate().toString(), event.label(),
                event.occurredAt());
    }

    /** Every invoice event is a line, with the invoice's total. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void invoice(InvoiceEvent event) {
        String action = switch (event) {
            case InvoiceCreated created -> "invoice.created";
            case InvoiceFinalized finalized -> "invoice.finalized";
            case InvoiceSent sent -> "invoice.sent";
            case InvoicePaid paid -> "invoice.paid";
            case InvoicePaymentFailed failed -> "invoice.payment_failed";
            case InvoiceVoided voided -> "invoice.voided";
            case InvoiceMarkedUncollectible uncollectible -> "invoice.marked_uncollectible";
        };
        write(event.organization(), event.actor(), action, "invoice", event.invoice().toString(),
                amount(event.total()), event.occurredAt());
    }

    private static String amount(dev.paydeck.shared.Money amount) {
        return amount == null ? null : amount.format();
    }

    /** Every change to a subscription made through Paydeck is a line (what Stripe does on its own is not). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void subscription(dev.paydeck.billing.SubscriptionEvent event) {
        if ("stripe".equals(event.actor())) {
            return;
        }
        record Line(String action, String detail) {
        }
        Line line = switch (event) {
            case dev.paydeck.billing.SubscriptionCreated created -> new Line("subscription.created",
                    created.status());
            case dev.paydeck.billing.SubscriptionUpdated updated -> new Line("subscription.updated",
                    updated.change());
            case dev.paydeck.billing.SubscriptionCanceled canceled -> new Line("subscription.canceled", null);
            case dev.paydeck.billing.SubscriptionRenewed renewed -> new Line("subscription.renewed", null);
            case dev.paydeck.billing.SubscriptionPastDue pastDue -> new Line("subscription.past_due", null);
            case dev.paydeck.billing.SubscriptionTrialEnding ending -> new Line("subscription.trial_ending", null);
        };
        write(event.organization(), event.actor(), line.action(), "subscription", event.subscription().toString(),
                line.detail(), event.occurredAt());
    }

    /** Every payment event is a line. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void payment(PaymentEvent event) {
        record Line(String action, String detail) {
        }
        Line line = switch (event) {
            case PaymentCreated created -> new Line("payment.created", created.amount().format());
            case PaymentDeclined declined -> new Line("payment.declined", declined.code());
            case PaymentConfirmed confirmed -> new Line("payment.confirmed", confirmed.paymentMethod());
            case PaymentCaptured captured -> new Line("payment.captured", captured.amount().format());
            case PaymentCanceled canceled -> new Line("payment.canceled", canceled.reason());
            case PaymentRefunded refunded -> new Line("payment.refunded", refunded.amount().format());
            case PaymentDisputed disputed -> new Line("payment.disputed", disputed.reason());
        };
        write(event.organization(), event.actor(), line.action(), "payment", event.payment().toString(),
                line.detail(), event.occurredAt());
    }

    /**
     * Appends one line, dated when the thing was done (lines are written after commit, asynchronously, so they may
     * arrive out of order; the log is read in the order of these times). A failure is thrown: the event's publication
     * then stays incomplete in the registry and is delivered again later, while the action itself (committed before)
     * is never undone.
     */
    private void write(OrganizationId organization, String actor, String action, String objectType, String objectId,
            String detail, Instant occurredAt) {
        records.append(organization, actor == null ? "system" : actor, action, objectType, objectId, detail,
                occurredAt.atOffset(ZoneOffset.UTC));
    }
}
