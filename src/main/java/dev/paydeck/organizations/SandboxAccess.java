package dev.paydeck.organizations;

import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.PersonId;
import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sandbox accounts a person may see on the sandbox's pages: those Paydeck opened for the organizations they
 * belong to, to {@value #READ} for viewers and to {@value #ACT} (reveal the secret key, reset, add webhook endpoints)
 * for owners and admins. Only accounts Paydeck opened itself count: the publishable key of keys an organization
 * brought could name anyone's sandbox account (it is no secret), so it grants nothing.
 *
 * <p>The sandbox knows nothing of organizations, nor they of its types: {@code web.SandboxAccessFilter} hands this map
 * to its pages as a request attribute (the contract is written there).
 */
@Service
public class SandboxAccess {

    public static final String READ = "read";
    public static final String ACT = "act";

    private final Memberships memberships;
    private final StripeAccounts stripeAccounts;
    private final SandboxLocation sandbox;

    SandboxAccess(Memberships memberships, StripeAccounts stripeAccounts, SandboxLocation sandbox) {
        this.memberships = memberships;
        this.stripeAccounts = stripeAccounts;
        this.sandbox = sandbox;
    }

    /** The person's sandbox accounts: publishable key → {@value #READ} or {@value #ACT}. */
    public Map<String, String> grantsOf(PersonId person) {
        List<OrganizationId> organizations = memberships.organizationsOf(person);
        Map<String, String> grants = new LinkedHashMap<>();
        stripeAccounts.sandboxPublishableKeys(organizations).forEach((organization, publishableKey) ->
                memberships.roleOf(organization, person).ifPresent(role -> grants.merge(publishableKey,
                        role.canWrite() ? ACT : READ, (one, other) -> ACT.equals(one) ? one : other)));
        return grants;
    }

    /** Whether the sandbox's pages are this instance's (so an organization's page may link to its account there). */
    public boolean pagesServedHere() {
        return sandbox.servedHere();
    }
}
