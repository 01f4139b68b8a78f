package dev.paydeck.organizations;

import dev.paydeck.accounts.ApiKeys;
import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.PersonId;
import dev.paydeck.accounts.Role;
import dev.paydeck.shared.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes to an organization's members and API keys, each committed with the {@link MembershipChanged} that tells the
 * audit log about it (after commit). Who may make them is the caller's business (owners and admins).
 */
@Service
public class Members {

    private final Memberships memberships;
    private final ApiKeys apiKeys;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(Memberships memberships, ApiKeys apiKeys, StripeClients stripe, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.memberships = memberships;
        this.apiKeys = apiKeys;
        this.stripe = stripe;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Adds the person with this email, or invites the email until it signs up; true when added now. Either way the
     * email is told by mail ({@link MemberInvited}).
     */
    public boolean invite(OrganizationId organization, String email, Role role, PersonId by, String actor) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean added = memberships.invite(organization, email, role, by);
            events.publishEvent(new MembershipChanged(organization, added ? "member.added" : "member.invited",
                    "member", address, "role " + role.code(), actor, clock.instant()));
            events.publishEvent(new MemberInvited(UUID.randomUUID(), organization, address, role, added, by));
            return added;
        }));
    }

    public void remove(OrganizationId organization, PersonId person, Role role, String actor) {
        transactions.executeWithoutResult(status -> {
            memberships.remove(organization, person);
            events.publishEvent(new MembershipChanged(organization, "member.removed", "member",
                    person.id().toString(), "role " + role.code(), actor, clock.instant()));
        });
    }

    /** Gives a member another role. */
    public void changeRole(OrganizationId organization, PersonId person, Role from, Role to, String actor) {
        transactions.executeWithoutResult(status -> {
            memberships.grant(organization, person, to);
            events.publishEvent(new MembershipChanged(organization, "member.role_changed", "member",
                    person.id().toString(), "role " + from.code() + " → " + to.code(), actor, clock.instant()));
        });
    }

    /** Withdraws the invitation of this email; false when there is none. */
    public boolean revokeInvitation(OrganizationId organization, String email, String actor) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!memberships.revokeInvitation(organization, address)) {
                return false;
            }
            events.publishEvent(new MembershipChanged(organization, "member.invitation_revoked", "member", address,
                    null, actor, clock.instant()));
            return true;
        }));
    }

    /** A new API key, its secret shown this once; {@code pd_live_…} when the organization's Stripe is live. */
    public ApiKeys.CreatedApiKey createKey(OrganizationId organization, String name, Role role, PersonId by,
            String actor) {
        boolean live = stripe.mode(organization) == StripeMode.LIVE;
        return transactions.execute(status -> {
            var created = apiKeys.create(organization, name, role, live, by);
            events.publishEvent(new MembershipChanged(organization, "api_key.created", "api_key",
                    created.key().id().toString(), created.key().name() + ", role " + role.code(), actor, clock.instant()));
            return created;
        });
    }

    /** The key, revoked; empty if the organization has no such key. */
    public Optional<ApiKeys.ApiKey> revokeKey(OrganizationId organization, UUID keyId, String actor) {
        return transactions.execute(status -> {
            if (!apiKeys.revoke(organization, keyId)) {
                return Optional.empty();
            }
            var revoked = apiKeys.find(organization, keyId).orElseThrow();
            events.publishEvent(new MembershipChanged(organization, "api_key.revoked", "api_key", keyId.toString(),
                    revoked.name(), actor, clock.instant()));
            return Optional.of(revoked);
        });
    }
}
