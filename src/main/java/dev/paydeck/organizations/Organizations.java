package dev.paydeck.organizations;

import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.PersonId;
import dev.paydeck.accounts.Role;
import dev.paydeck.shared.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Organizations (tenants) and their Stripe accounts. A new organization without keys gets its own sandbox account,
 * so it can take test payments at once. Keys are stored encrypted; after they are saved, Paydeck checks them with
 * Stripe and registers its webhook endpoint (outside the database transaction: Stripe calls are slow and may fail
 * without undoing the save).
 */
@Service
public class Organizations {

    /** Where an organization is (ISO 3166 country, {@code ES}) and the currency it charges in ({@code EUR}). */
    public record Profile(String country, String defaultCurrency) {
    }

    private final OrganizationRecords records;
    private final StripeAccounts stripeAccounts;
    private final CredentialCipher cipher;
    private final SandboxProvisioner sandbox;
    private final CredentialCheck check;
    private final WebhookRegistration webhooks;
    private final Memberships memberships;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(OrganizationRecords records, StripeAccounts stripeAccounts, CredentialCipher cipher,
            SandboxProvisioner sandbox, CredentialCheck check, WebhookRegistration webhooks, Memberships memberships,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.stripeAccounts = stripeAccounts;
        this.cipher = cipher;
        this.sandbox = sandbox;
        this.check = check;
        this.webhooks = webhooks;
        this.memberships = memberships;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Creates an organization owned by {@code owner}, with the given Stripe keys, or with a new sandbox account when
     * {@code keys} is null.
     *
     * @throws InvalidStripeKeysException when the keys are malformed or of mixed modes
     */
    public Organization create(String name, PersonId owner, String actor, StripeKeys keys) {
        return create(name, null, owner, actor, keys);
    }

    /**
     * Creates an organization as {@link #create(String, PersonId, String, StripeKeys)} does, with where it is and the
     * currency it charges in unless told otherwise (the first-run page asks for them).
     */
    public Organization create(String name, Profile profile, PersonId owner, String actor, StripeKeys keys) {
        StripeKeys checked = keys == null ? null : validated(keys);
        StripeKeys toStore = checked != null ? checked : sandbox.openAccount(name);
        OrganizationId id = OrganizationId.random();
        transactions.executeWithoutResult(status -> {
            records.insert(id, name, owner, profile);
            store(id, checked == null ? "sandbox" : "stripe", toStore);
            if (owner != null) {
                memberships.grant(id, owner, Role.OWNER);
            }
            events.publishEvent(new OrganizationCreated(id, name, actor, clock.instant()));
        });
        afterKeysSaved(id);
        return find(id).orElseThrow();
    }

    /** Replaces the organization's Stripe keys (switching it from the sandbox to real Stripe, or between keys). */
    public Organization replaceKeys(OrganizationId id, StripeKeys keys, String actor) {
        StripeKeys checked = validated(keys);
        transactions.executeWithoutResult(status -> {
            store(id, "stripe", checked);
            events.publishEvent(new StripeCredentialsChanged(id, checked.mode(), actor, clock.instant()));
        });
        afterKeysSaved(id);
        return find(id).orElseThrow();
    }

    /**
     * Switches the organization back to an account of Paydeck's sandbox of its own (new sandbox keys), as a new
     * organization without keys gets.
     *
     * @throws StripeKeysRequiredException when the sandbox is switched off
     */
    public Organization useSandbox(OrganizationId id, String actor) {
        Organization organization = find(id).orElseThrow();
        StripeKeys keys = sandbox.openAccount(organization.name());
        transactions.executeWithoutResult(status -> {
            store(id, "sandbox", keys);
            events.publishEvent(new StripeCredentialsChanged(id, StripeMode.SANDBOX, actor, clock.instant()));
        });
        afterKeysSaved(id);
        return find(id).orElseThrow();
    }

    /**
     * Keeps a webhook signing secret entered by hand ({@code whsec_…}, from Stripe's dashboard or the Stripe CLI) for
     * an endpoint Paydeck could not register itself; the one it replaces stays valid for the rotation window.
     *
     * @throws InvalidStripeKeysException when it is not a webhook signing secret
     */
    public Organization enterWebhookSecret(OrganizationId id, String secret, String actor) {
        String trimmed = secret == null ? null : secret.strip();
        if (!StripeKeys.isWebhookSecret(trimmed)) {
            throw new InvalidStripeKeysException(Map.of("webhook_secret",
                    trimmed == null || trimmed.isEmpty() ? "is required"
                            : "must be a Stripe webhook signing secret (whsec_…)"));
        }
        transactions.executeWithoutResult(status -> {
            webhooks.enterSecret(id, trimmed);
            events.publishEvent(new WebhookSecretEntered(id, actor, clock.instant()));
        });
        return find(id).orElseThrow();
    }

    /** The address Stripe should send the organization's events to. */
    public String webhookEndpointUrl(OrganizationId id) {
        return webhooks.endpointUrl(id);
    }

    /** Checks the keys with Stripe now; the result is kept on the organization. */
    public Organization checkCredentials(OrganizationId id) {
        check.check(id);
        return find(id).orElseThrow();
    }

    public Optional<Organization> find(OrganizationId id) {
        return records.find(id).map(stored -> new Organization(stored.id(), stored.name(), stored.createdAt(),
                stripeAccounts.find(id).map(StripeAccounts.Stored::view).orElse(null), stored.country(),
                stored.defaultCurrency()));
    }

    public List<Organization> all(List<OrganizationId> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The organization, when there is exactly one (a single-organization set-up). */
    public Optional<OrganizationId> only() {
        List<OrganizationId> ids = records.some(2);
        return ids.size() == 1 ? Optional.of(ids.getFirst()) : Optional.empty();
    }

    /** Every organization that has Stripe keys: its own, or a sandbox account's. */
    public List<OrganizationId> withStripeKeys() {
        return stripeAccounts.organizations();
    }

    public long count() {
        return records.count();
    }

    private void store(OrganizationId id, String source, StripeKeys keys) {
        StripeMode mode = "sandbox".equals(source) ? StripeMode.SANDBOX : keys.mode();
        stripeAccounts.save(id, source, mode, keys.publishableKey(),
                cipher.encrypt(keys.secretKey(), id.toString()), StripeKeys.hint(keys.secretKey()),
                keys.webhookSecret() == null ? null : cipher.encrypt(keys.webhookSecret(), id.toString()));
    }

    private void afterKeysSaved(OrganizationId id) {
        check.check(id);
        webhooks.register(id);
    }

    private static StripeKeys validated(StripeKeys keys) {
        Map<String, String> problems = keys.problems();
        if (!problems.isEmpty()) {
            throw new InvalidStripeKeysException(problems);
        }
        return keys.trim();
    }
}
