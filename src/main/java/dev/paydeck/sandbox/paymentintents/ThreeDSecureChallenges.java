package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 3-D Secure challenges of the hosted page ({@link ThreeDSecurePage}): finding an intent (a PaymentIntent or a
 * SetupIntent, each kind an {@link IntentAuthentication}) by its id and client secret alone (the page knows no
 * account), and completing or failing its authentication.
 */
@Service
class ThreeDSecureChallenges {

    /** An intent found for a challenge, with its kind and the account that holds it. */
    record Challenge(SandboxAccount account, IntentAuthentication kind, ObjectNode intent) {
    }

    private final SandboxAccounts accounts;
    private final ObjectStore store;
    private final List<IntentAuthentication> kinds;
    private final TransactionTemplate transactions;

    ThreeDSecureChallenges(SandboxAccounts accounts, ObjectStore store, List<IntentAuthentication> kinds,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.store = store;
        this.kinds = List.copyOf(kinds);
        this.transactions = transactions;
    }

    /** The intent with this id whose client secret is this one; empty for any other (or no) secret. */
    Optional<Challenge> find(String intentId, String clientSecret) {
        if (clientSecret == null) {
            return Optional.empty();
        }
        return kindOf(intentId).flatMap(kind -> store.accountHolding(kind.object(), intentId)
                .flatMap(accounts::byId)
                .flatMap(account -> store.findForUpdate(account.id(), intentId)
                        .filter(intent -> clientSecret.equals(intent.get("client_secret").asString()))
                        .map(intent -> new Challenge(account, kind, intent))));
    }

    private Optional<IntentAuthentication> kindOf(String intentId) {
        return kinds.stream().filter(kind -> intentId.startsWith(kind.idPrefix())).findFirst();
    }

    /** The card of the intent's PaymentMethod as the page shows it ({@code visa •••• 3155}). */
    Optional<String> card(Challenge challenge, String paymentMethod) {
        return store.find(challenge.account().id(), paymentMethod)
                .map(found -> found.get("card").get("brand").asString() + " •••• "
                        + found.get("card").get("last4").asString());
    }

    /**
     * Completes ({@code authenticated}) or fails the authentication, in one transaction; answers the intent after,
     * with its kind.
     *
     * @throws StripeError {@code resource_missing} for an unknown intent or secret, or the flow's error (a decline
     *                     after authentication is not one: the failed charge stays, as with the API)
     */
    Challenge conclude(String intentId, String clientSecret, boolean authenticated) {
        return transactions.execute(status -> {
            Challenge challenge = find(intentId, clientSecret).orElseThrow(() -> StripeError.resourceMissing(
                    kindOf(intentId).map(IntentAuthentication::object).orElse("payment_intent"), intentId,
                    "intent"));
            StripeCall call = new StripeCall(challenge.account(), Map.of(), Map.of(), null, null, true,
                    StripeCall.DEFAULT_API_VERSION);
            IntentAuthentication kind = challenge.kind();
            try {
                ObjectNode after = authenticated ? kind.completeAuthentication(call, challenge.intent())
                        : kind.failAuthentication(call, challenge.intent());
                return new Challenge(challenge.account(), kind, after);
            } catch (StripeError error) {
                if (error.status() != 402) {
                    status.setRollbackOnly();
                    throw error;
                }
                // A decline after authentication: the failed attempt stays, as with the API.
                return new Challenge(challenge.account(), kind,
                        store.find(challenge.account().id(), intentId).orElseThrow());
            }
        });
    }
}
