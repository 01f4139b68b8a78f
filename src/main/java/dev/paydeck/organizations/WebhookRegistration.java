package dev.paydeck.organizations;

import com.stripe.exception.StripeException;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.util.List;

/**
 * Registers (or updates) the organization's webhook endpoint in its Stripe, pointing at
 * {@code {public URL}/webhooks/stripe/{organization}} with the events Paydeck handles, and keeps the signing
 * secret Stripe returns (encrypted). Real Stripe cannot call a localhost address: then nothing is registered and
 * the organization is told to enter its webhook secret by hand (e.g. from the Stripe CLI).
 */
@Service
class WebhookRegistration {

    /** The events Paydeck applies to its records. */
    static final List<String> EVENTS = List.of(
            "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
            "payment_intent.processing", "payment_intent.requires_action", "payment_intent.amount_capturable_updated",
            "charge.refunded", "charge.dispute.created", "refund.created", "refund.updated", "refund.failed",
            "customer.created", "customer.updated", "customer.deleted", "product.created", "product.updated",
            "product.deleted", "price.created", "price.updated", "price.deleted",
            "coupon.created", "coupon.updated", "coupon.deleted", "tax_rate.created", "tax_rate.updated",
            "invoice.created", "invoice.updated", "invoice.finalized", "invoice.paid", "invoice.payment_succeeded",
            "invoice.payment_failed", "invoice.payment_action_required", "invoice.sent", "invoice.voided",
            "invoice.marked_uncollectible", "invoice.deleted",
            "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
            "customer.subscription.paused", "customer.subscription.resumed", "customer.subscription.trial_will_end");

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final StripeClients clients;
    private final StripeAccounts accounts;
    private final CredentialCipher cipher;
    private final PaydeckProperties properties;
    private final SandboxLocation sandbox;

    WebhookRegistration(StripeClients clients, StripeAccounts accounts, CredentialCipher cipher,
            PaydeckProperties properties, SandboxLocation sandbox) {
        this.clients = clients;
        this.accounts = accounts;
        this.cipher = cipher;
        this.properties = properties;
        this.sandbox = sandbox;
    }

    String endpointUrl(OrganizationId organization) {
        String base = "sandbox".equals(accounts.find(organization).map(StripeAccounts.Stored::source).orElse(""))
                ? sandboxReachableBase() : properties.publicUrl();
        return base.replaceAll("/+$", "") + "/webhooks/stripe/" + organization;
    }

    void register(OrganizationId organization) {
        StripeAccounts.Stored stored = accounts.find(organization).orElseThrow();
        String url = endpointUrl(organization);
        if (!"sandbox".equals(stored.source()) && isLocal(url)) {
            accounts.recordWebhook(organization, stored.webhookSecretCiphertext() == null ? "manual_required"
                            : "manual_secret",
                    "Stripe cannot reach " + url + " (a local address). Set PAYDECK_PUBLIC_URL to a public address, "
                            + "or forward events (e.g. with the Stripe CLI) and enter the webhook signing secret "
                            + "(whsec_…) by hand.", null, null);
            return;
        }
        try {
            WebhookEndpoint endpoint = stored.webhookEndpointId() != null ? update(organization, stored, url)
                    : null;
            if (endpoint == null) {
                endpoint = clients.forOrganization(organization).v1().webhookEndpoints().create(
                        WebhookEndpointCreateParams.builder().setUrl(url)
                                .addAllEnabledEvent(EVENTS.stream().map(WebhookRegistration::createEvent).toList())
                                .setDescription("Paydeck").build());
                accounts.recordWebhook(organization, "registered", "Stripe sends events to " + url, endpoint.getId(),
                        cipher.encrypt(endpoint.getSecret(), organization.toString()));
            } else {
                accounts.recordWebhook(organization, "registered", "Stripe sends events to " + url, endpoint.getId(),
                        null);
            }
        } catch (StripeException e) {
            log.warn("Webhook endpoint registration for organization {} failed: {}", organization,
                    e.getClass().getSimpleName());
            accounts.recordWebhook(organization, "failed", "Stripe refused the webhook endpoint: "
                    + (e.getStripeError() != null ? e.getStripeError().getMessage() : e.getClass().getSimpleName()),
                    null, null);
        }
    }

    /** Keeps a signing secret a person entered for an endpoint they added in Stripe themselves. */
    void enterSecret(OrganizationId organization, String secret) {
        accounts.recordWebhook(organization, "manual_secret", "The webhook signing secret was entered by hand.", null,
                cipher.encrypt(secret, organization.toString()));
    }

    private WebhookEndpoint update(OrganizationId organization, StripeAccounts.Stored stored, String url)
            throws StripeException {
        try {
            return clients.forOrganization(organization).v1().webhookEndpoints().update(stored.webhookEndpointId(),
                    WebhookEndpointUpdateParams.builder().setUrl(url)
                            .addAllEnabledEvent(EVENTS.stream().map(WebhookRegistration::updateEvent).toList())
                            .build());
        } catch (com.stripe.exception.InvalidRequestException gone) {
            return null;
        }
    }

    private String sandboxReachableBase() {
        // The sandbox delivers from this very instance, so loopback is reachable for it.
        String api = sandbox.apiBase();
        return api.substring(0, api.length() - "/sandbox".length());
    }

    static boolean isLocal(String url) {
        String host = URI.create(url).getHost();
        return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("0.0.0.0") || host.endsWith(".local");
    }

    private static WebhookEndpointCreateParams.EnabledEvent createEvent(String name) {
        for (WebhookEndpointCreateParams.EnabledEvent event : WebhookEndpointCreateParams.EnabledEvent.values()) {
            if (name.equals(event.getValue())) {
                return event;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static WebhookEndpointUpdateParams.EnabledEvent updateEvent(String name) {
        for (WebhookEndpointUpdateParams.EnabledEvent event : WebhookEndpointUpdateParams.EnabledEvent.values()) {
            if (name.equals(event.getValue())) {
                return event;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
