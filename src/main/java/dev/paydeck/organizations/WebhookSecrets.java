package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook signing secrets ({@code whsec_…}) an organization's events may be signed with, decrypted for the
 * webhook endpoint to verify {@code Stripe-Signature}. After a rotation (new keys, a re-registered endpoint) the
 * replaced secret stays valid for {@code paydeck.webhooks.secret-rotation-window}: Stripe may still be retrying
 * events signed with it, and a person may update the dashboard and Paydeck minutes apart.
 */
@Service
public class WebhookSecrets {

    /** Decrypted secrets are kept this long: every webhook asks, and a second of staleness only means that an
     * event signed with a brand-new secret is refused once and redelivered by Stripe. */
    private static final long CACHE_NANOS = 1_000_000_000L;

    private record Known(List<String> secrets, long readAt) {
    }

    private final StripeAccounts accounts;
    private final Clock clock;
    private final CredentialCipher cipher;
    private final Duration rotationWindow;
    private final Map<OrganizationId, Known> known = new ConcurrentHashMap<>();

    WebhookSecrets(StripeAccounts accounts, CredentialCipher cipher, Clock clock,
            @Value("${paydeck.webhooks.secret-rotation-window:24h}") Duration rotationWindow) {
        this.accounts = accounts;
        this.clock = clock;
        this.cipher = cipher;
        this.rotationWindow = rotationWindow;
    }

    /** The secrets to try, current first; empty when the organization is unknown or has no secret yet. */
    public List<String> forOrganization(OrganizationId organization) {
        long now = System.nanoTime();
        Known cached = known.get(organization);
        if (cached != null && now - cached.readAt() < CACHE_NANOS) {
            return cached.secrets();
        }
        List<String> secrets = read(organization);
        if (known.size() > 10_000) {
            known.clear();
        }
        known.put(organization, new Known(secrets, now));
        return secrets;
    }

    private List<String> read(OrganizationId organization) {
        List<String> secrets = new ArrayList<>(2);
        accounts.webhookSecrets(organization).ifPresent(sealed -> {
            if (sealed.current() != null) {
                secrets.add(cipher.decrypt(sealed.current(), organization.toString()));
            }
            if (sealed.previous() != null && sealed.rotatedAt() != null
                    && sealed.rotatedAt().isAfter(OffsetDateTime.now(clock).minus(rotationWindow))) {
                secrets.add(cipher.decrypt(sealed.previous(), organization.toString()));
            }
        });
        return List.copyOf(secrets);
    }
}
