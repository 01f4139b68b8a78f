package dev.paydeck.demo;

import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.PersonSignedUp;
import dev.paydeck.accounts.Role;
import dev.paydeck.checkout.ShopItems;
import dev.paydeck.customers.CustomerDraft;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.payments.PaymentId;
import dev.paydeck.payments.PaymentRequest;
import dev.paydeck.payments.Payments;
import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Map;
import java.util.UUID;

/**
 * A demo organization with sample data, so a fresh Paydeck shows something real: made at the first start (sandbox
 * on, no organization yet) on its own sandbox account, with customers and payments in every state — paid, partly
 * refunded, declined, authorized and waiting for capture. Nobody knows a password for it: the first person to sign
 * up becomes its owner. Never in sandbox-only mode: there nothing of Paydeck but the sandbox answers, so the demo
 * would be an organization nobody can open, with a webhook endpoint in the sandbox that nothing serves.
 */
@Component
class DemoData {

    static final String NAME = "Demo Shop";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Currency USD = Currency.getInstance("USD");

    private final DemoRecords records;
    private final Organizations organizations;
    private final Customers customers;
    private final Payments payments;
    private final Memberships memberships;
    private final ShopItems shopItems;
    private final PaydeckProperties properties;
    private final boolean enabled;

    DemoData(DemoRecords records, Organizations organizations, Customers customers, Payments payments,
            Memberships memberships, ShopItems shopItems, PaydeckProperties properties,
            @Value("${paydeck.demo.enabled:true}") boolean enabled) {
        this.records = records;
        this.organizations = organizations;
        this.customers = customers;
        this.payments = payments;
        this.memberships = memberships;
        this.shopItems = shopItems;
        this.properties = properties;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAtFirstStart() {
        if (!enabled || properties.sandboxOnly() || !properties.sandbox().enabled() || organizations.count() > 0) {
            return;
        }
        if (!records.claimSeeding()) {
            return;
        }
        try {
            OrganizationId organization = createDemoOrganization();
            log.info("Demo organization '{}' ({}) created with sample data; the first person to sign up at /signup "
                    + "becomes its owner", NAME, organization);
        } catch (RuntimeException e) {
            log.warn("Could not create the demo organization: {}", e.getMessage());
        }
    }

    /** Creates the demo organization and its sample customers and payments. */
    OrganizationId createDemoOrganization() {
        OrganizationId organization = organizations.create(NAME, null, "demo data", null).id();
        records.insert(organization);
        CustomerId ada = customer(organization, "ada@example.com", "Ada Lovelace", "Wholesale");
        CustomerId grace = customer(organization, "grace@example.com", "Grace Hopper", "Retail");
        CustomerId alan = customer(organization, "alan@example.com", "Alan Turing", "Retail");
        pay(organization, ada, 12_900, "Order #1001: espresso machine", "pm_card_visa", false);
        PaymentId refunded = pay(organization, grace, 4_500, "Order #1002: coffee beans", "pm_card_mastercard", false);
        payments.refund(organization, refunded, 1_500L, "requested_by_customer", "demo data");
        pay(organization, alan, 2_000, "Order #1003: mugs", "pm_card_chargeDeclinedInsufficientFunds", false);
        pay(organization, ada, 25_000, "Order #1004: grinder (to capture on shipping)", "pm_card_visa", true);
        stockTheShop(organization);
        return organization;
    }

    /** The books of the Demo Shop's storefront ({@code /shop/{id}}), with their covers. */
    private void stockTheShop(OrganizationId organization) {
        book(organization, "Pride and Prejudice", "Jane Austen", "pride-and-prejudice", 1_200);
        book(organization, "Moby-Dick", "Herman Melville", "moby-dick", 1_550);
        book(organization, "Frankenstein", "Mary Shelley", "frankenstein", 999);
        book(organization, "The Time Machine", "H. G. Wells", "the-time-machine", 850);
    }

    private void book(OrganizationId organization, String title, String author, String cover, long cents) {
        shopItems.add(organization, title, author, "/images/shop/" + cover + ".svg", new Money(cents, USD));
    }

    @EventListener
    void firstPersonClaimsTheDemo(PersonSignedUp signedUp) {
        records.claim(signedUp.person())
                .ifPresent(organization -> memberships.grant(organization, signedUp.person(), Role.OWNER));
    }

    private CustomerId customer(OrganizationId organization, String email, String name, String segment) {
        return customers.create(organization, new CustomerDraft(email, name, null, null,
                Map.of("segment", segment)), "demo data").id();
    }

    private PaymentId pay(OrganizationId organization, CustomerId customer, long cents, String description, String card,
            boolean manualCapture) {
        var request = new PaymentRequest(new Money(cents, USD), customer, null, null, description, Map.of(),
                manualCapture, card, true, false, null, null, null);
        try {
            return payments.create(organization, request, null, "demo data").payment().id();
        } catch (StripeFailure declined) {
            return new PaymentId((UUID) declined.details().get("payment_id"));
        }
    }
}
