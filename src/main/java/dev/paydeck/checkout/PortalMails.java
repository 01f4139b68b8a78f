package dev.paydeck.checkout;

import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.CustomerStatus;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.platform.Mail;
import dev.paydeck.platform.MailMessage;
import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.MailLanguages;
import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Mails a customer a link to their portal (valid {@link #LIFETIME}), in the language of the organization's country:
 * staff send it from the customer's page. Each mail carries a link of its own.
 */
@Service
public class PortalMails {

    /** How long a mailed link lasts: mails are read later than pages are opened. */
    public static final Duration LIFETIME = Duration.ofDays(7);

    private final PortalLinks links;
    private final Customers customers;
    private final Organizations organizations;
    private final Mail mail;
    private final String publicUrl;

    PortalMails(PortalLinks links, Customers customers, Organizations organizations, Mail mail,
            PaydeckProperties properties) {
        this.links = links;
        this.customers = customers;
        this.organizations = organizations;
        this.mail = mail;
        this.publicUrl = properties.publicUrl();
    }

    /** Sends the customer a new portal link; the address it went to, or empty for a customer without an email. */
    public Optional<String> send(OrganizationId organization, CustomerId id) {
        Customer customer = customers.find(organization, id).filter(found -> found.status() == CustomerStatus.ACTIVE)
                .filter(found -> found.email() != null && !found.email().isBlank()).orElse(null);
        Organization owner = organizations.find(organization).orElse(null);
        if (customer == null || owner == null) {
            return Optional.empty();
        }
        PortalLinks.Issued issued = links.issue(organization, id, LIFETIME, null);
        // The key names the link, not the token: the outbox shows the mail, and a mail resent is a new link.
        mail.send(new MailMessage("portal-link:" + organization + ":" + id + ":" + issued.link().expiresAt(),
                organization, customer.email(), "portal-link",
                Map.of("organization", owner.name(), "link", publicUrl + issued.path()),
                MailLanguages.ofCountry(owner.country()), true));
        return Optional.of(customer.email());
    }
}
