package dev.paydeck.organizations;

import com.stripe.StripeClient;
import dev.paydeck.shared.OrganizationId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one {@link StripeClient} per organization: built once from its decrypted key (and the sandbox's address when
 * it uses the sandbox), cached, and rebuilt when the organization's keys change: at once on this instance, and
 * within a second when another instance changed them, since the cache is checked against the stored record's
 * version at most once a second (every payment asks, twice).
 */
@Service
public class StripeClients {

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private record Cached(OffsetDateTime version, StripeClient client, String publishableKey, StripeMode mode,
                          long checkedAt) {

        Cached checkedAgain(long now) {
            return new Cached(version, client, publishableKey, mode, now);
        }
    }

    private final StripeAccounts accounts;
    private final CredentialCipher cipher;
    private final SandboxLocation sandbox;
    private final Map<OrganizationId, Cached> cache = new ConcurrentHashMap<>();

    private final org.springframework.core.env.Environment environment;
    private final StripeCallLog callLog;

    StripeClients(StripeAccounts accounts, CredentialCipher cipher, SandboxLocation sandbox,
            org.springframework.core.env.Environment environment, StripeCallLog callLog) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.sandbox = sandbox;
        this.environment = environment;
        this.callLog = callLog;
    }

    public StripeClient forOrganization(OrganizationId organization) {
        return cached(organization).client();
    }

    /** The publishable key Stripe.js needs in the organization's pages and API responses. */
    public String publishableKey(OrganizationId organization) {
        return cached(organization).publishableKey();
    }

    public StripeMode mode(OrganizationId organization) {
        return cached(organization).mode();
    }

    /** Read when a client is built, since it may name this instance's own port (known only once it listens). */
    private String stripeApiBase() {
        return environment.getProperty("paydeck.stripe.api-base", "");
    }

    /**
     * Keys saved on this instance take effect as soon as they are committed. A transaction synchronization rather
     * than a {@code @TransactionalEventListener}, which the event publication registry would track (a write, and a
     * second connection, on every commit that changes keys).
     */
    @EventListener
    void credentialsChanged(StripeCredentialsChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.remove(event.organization());
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.remove(event.organization());
            }
        });
    }

    private Cached cached(OrganizationId organization) {
        long now = System.nanoTime();
        Cached current = cache.get(organization);
        if (current != null && now - current.checkedAt() < RECHECK_NANOS) {
            return current;
        }
        StripeAccounts.Stored stored = accounts.find(organization)
                .orElseThrow(() -> new IllegalStateException("Organization " + organization + " has no Stripe account"));
        if (current != null && current.version().equals(stored.updatedAt())) {
            Cached confirmed = current.checkedAgain(now);
            cache.put(organization, confirmed);
            return confirmed;
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(cipher.decrypt(stored.secretKeyCiphertext(), organization.toString()))
                .setMaxNetworkRetries(2)
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .setHttpClient(new StripeTransport(organization, callLog));
        if ("sandbox".equals(stored.source())) {
            builder.setApiBase(sandbox.apiBase());
        } else if (!stripeApiBase().isBlank()) {
            builder.setApiBase(stripeApiBase());
        }
        Cached fresh = new Cached(stored.updatedAt(), builder.build(), stored.publishableKey(), stored.mode(), now);
        cache.put(organization, fresh);
        return fresh;
    }
}
