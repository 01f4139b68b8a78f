package dev.paydeck.receipts;

import dev.paydeck.billing.Invoice;
import dev.paydeck.billing.InvoicePaid;
import dev.paydeck.billing.InvoiceSent;
import dev.paydeck.billing.Invoices;
import dev.paydeck.billing.PlanNames;
import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionPastDue;
import dev.paydeck.billing.SubscriptionTrialEnding;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.checkout.PortalLinks;
import dev.paydeck.checkout.PortalMails;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.platform.Mail;
import dev.paydeck.platform.MailAttachment;
import dev.paydeck.platform.MailLanguages;
import dev.paydeck.platform.MailMessage;
import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mails of billing, to the customer, in the language of the organization's country, each once however often its
 * event arrives (the mail's key names what caused it): the invoice when it is sent (its hosted page's link, its PDF
 * attached), a receipt for an invoice recorded as paid outside Stripe (one paid by card gets its payment's receipt),
 * a notice three days before a trial ends, and, when a renewal fails, a request to update the card with a link to the
 * customer portal.
 */
@Component
class BillingMails {

    private static final Logger log = LoggerFactory.getLogger(BillingMails.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    /** Larger PDFs are not attached (the mail links to the invoice's page anyway). */
    private static final int LARGEST_PDF = 5 * 1024 * 1024;

    private final Invoices invoices;
    private final Subscriptions subscriptions;
    private final PlanNames plans;
    private final Customers customers;
    private final Organizations organizations;
    private final PortalLinks portal;
    private final Mail mail;
    private final String publicUrl;

    BillingMails(Invoices invoices, Subscriptions subscriptions, PlanNames plans, Customers customers,
            Organizations organizations, PortalLinks portal, Mail mail, PaydeckProperties properties) {
        this.invoices = invoices;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.customers = customers;
        this.organizations = organizations;
        this.portal = portal;
        this.mail = mail;
        this.publicUrl = properties.publicUrl();
    }

    /** Who a mail goes to: the organization (for its name and language) and the customer's address. */
    private record Recipient(Organization organization, String email, Locale locale) {
    }

    private Optional<Recipient> recipient(OrganizationId organization, CustomerId customer) {
        if (customer == null) {
            return Optional.empty();
        }
        Optional<String> email = customers.find(organization, customer).map(Customer::email)
                .filter(address -> !address.isBlank());
        return organizations.find(organization).flatMap(found -> email.map(address ->
                new Recipient(found, address, MailLanguages.ofCountry(found.country()))));
    }

    @ApplicationModuleListener
    void sent(InvoiceSent sent) {
        Invoice invoice = invoices.find(sent.organization(), sent.invoice()).orElse(null);
        if (invoice == null || invoice.hostedInvoiceUrl() == null) {
            return;
        }
        recipient(sent.organization(), invoice.customer()).ifPresent(to -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("organization", to.organization().name());
            variables.put("number", invoice.number() == null ? invoice.stripeInvoiceId() : invoice.number());
            variables.put("amount", invoice.amountDue().format(to.locale()));
            if (invoice.dueDate() != null) {
                variables.put("due", date(invoice.dueDate(), to.locale()));
            }
            variables.put("link", invoice.hostedInvoiceUrl());
            List<MailAttachment> pdf = pdf(invoice).map(bytes -> List.of(new MailAttachment(
                    "Invoice-" + variables.get("number") + ".pdf", "application/pdf", bytes))).orElse(List.of());
            mail.send(new MailMessage("invoice-sent:" + invoice.id(), sent.organization(), to.email(), "invoice",
                    variables, to.locale(), false, pdf));
        });
    }

    /**
     * A receipt for an invoice paid outside Stripe; one paid by card has its payment's receipt instead. Invoices paid
     * by card are not even handed to this listener (no publication in the event registry for each renewal).
     */
    @ApplicationModuleListener(condition = "#paid.outOfBand()")
    void paid(InvoicePaid paid) {
        Invoice invoice = invoices.find(paid.organization(), paid.invoice()).orElse(null);
        if (invoice == null || !invoice.paidOutOfBand()) {
            return;
        }
        recipient(paid.organization(), invoice.customer()).ifPresent(to -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("organization", to.organization().name());
            variables.put("amount", invoice.amountPaid().format(to.locale()));
            variables.put("date", date(OffsetDateTime.ofInstant(paid.occurredAt(), ZoneOffset.UTC), to.locale()));
            variables.put("reference", invoice.number() == null ? invoice.stripeInvoiceId() : invoice.number());
            mail.send(new MailMessage("receipt:invoice:" + invoice.id(), paid.organization(), to.email(), "receipt",
                    variables, to.locale(), false));
        });
    }

    @ApplicationModuleListener
    void trialEnding(SubscriptionTrialEnding ending) {
        Subscription subscription = subscriptions.find(ending.organization(), ending.subscription()).orElse(null);
        if (subscription == null || subscription.trialEnd() == null) {
            return;
        }
        recipient(ending.organization(), subscription.customer()).ifPresent(to -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("organization", to.organization().name());
            variables.put("plan", plans.of(ending.organization(), subscription));
            variables.put("ends", date(subscription.trialEnd(), to.locale()));
            variables.put("amount", subscription.periodAmount().map(amount -> amount.format(to.locale())).orElse("—"));
            variables.put("link", portalLink(ending.organization(), subscription.customer()));
            mail.send(new MailMessage("trial-ending:" + subscription.id() + ":" + subscription.trialEnd().toEpochSecond(),
                    ending.organization(), to.email(), "trial-ending", variables, to.locale(), true));
        });
    }

    @ApplicationModuleListener
    void pastDue(SubscriptionPastDue pastDue) {
        Subscription subscription = subscriptions.find(pastDue.organization(), pastDue.subscription()).orElse(null);
        if (subscription == null) {
            return;
        }
        recipient(pastDue.organization(), subscription.customer()).ifPresent(to -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("organization", to.organization().name());
            variables.put("amount", subscription.periodAmount().map(amount -> amount.format(to.locale())).orElse("—"));
            variables.put("link", portalLink(pastDue.organization(), subscription.customer()));
            // Once per failed invoice: Stripe's retries of the same invoice send nothing more.
            mail.send(new MailMessage("dunning:" + subscription.id() + ":" + pastDue.latestInvoice(),
                    pastDue.organization(), to.email(), "payment-failed", variables, to.locale(), true));
        });
    }

    private String portalLink(OrganizationId organization, CustomerId customer) {
        return publicUrl + portal.issue(organization, customer, PortalMails.LIFETIME, null).path();
    }


    private static String date(OffsetDateTime time, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(time);
    }

    /** The invoice's PDF as Stripe serves it; empty when it cannot be had (the mail links to the invoice anyway). */
    private static Optional<byte[]> pdf(Invoice invoice) {
        if (invoice.invoicePdf() == null) {
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(invoice.invoicePdf()))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200 && response.body().length <= LARGEST_PDF) {
                return Optional.of(response.body());
            }
            log.warn("Invoice {}'s PDF not attached: HTTP {}", invoice.id(), response.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Invoice {}'s PDF not attached: {}", invoice.id(), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
