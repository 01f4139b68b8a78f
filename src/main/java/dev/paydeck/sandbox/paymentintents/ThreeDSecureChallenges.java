package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

/**
 * The 3-D Secure challenges of the hosted page ({@link ThreeDSecurePage}): finding a PaymentIntent by its id and
 * client secret alone (the page knows no account), and completing or failing its authentication.
 */
@Service
class ThreeDSecureChallenges {

    /** A PaymentIntent found for a challenge, with the account that holds it. */
    record Challenge(SandboxAccount account, ObjectNode intent) {
    }

    private final SandboxAccounts accounts;
    private final ObjectStore store;
    private final PaymentIntentFlow flow;
    private final TransactionTemplate transactions;

    ThreeDSecureChallenges(SandboxAccounts accounts, ObjectStore store, PaymentIntentFlow flow,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.store = store;
        this.flow = flow;
        this.transactions = transactions;
    }

    /** The intent with this id whose client secret is this one; empty for any other (or no) secret. */
    Optional<Challenge> find(String paymentIntent, String clientSecret) {
        if (clientSecret == null) {
            return Optional.empty();
        }
        return store.accountHolding("payment_intent", paymentIntent).flatMap(accounts::byId)
                .flatMap(account -> store.findForUpdate(account.id(), paymentIntent)
                        .filter(intent -> clientSecret.equals(intent.get("client_secret").asString()))
                        .map(intent -> new Challenge(account, intent)));
    }

    /** The card of the intent's PaymentMethod as the page shows it ({@code visa •••• 3155}). */
    Optional<String> card(Challenge challenge, String paymentMethod) {
        return store.find(challenge.account().id(), paymentMethod)
                .map(found -> found.get("card").get("brand").asString() + " •••• "
                        + found.get("card").get("last4").asString());
    }

    /**
     * Completes ({@code authenticated}) or fails the authentication, in one transaction; answers the intent after.
     *
     * @throws StripeError {@code resource_missing} for an unknown intent or secret, or the flow's error (a decline
     *                     after authentication is not one: the failed charge stays, as with the API)
     */
    ObjectNode conclude(String paymentIntent, String clientSecret, boolean authenticated) {
        return transactions.execute(status -> {
            Challenge challenge = find(paymentIntent, clientSecret).orElseThrow(() ->
                    StripeError.resourceMissing("payment_intent", paymentIntent, "intent"));
            StripeCall call = new StripeCall(challenge.account(), Map.of(), Map.of(), null, null, true,
                    StripeCall.DEFAULT_API_VERSION);
            try {
                return authenticated ? flow.completeAuthentication(call, challenge.intent())
                        : flow.failAuthentication(call, challenge.intent());
            } catch (StripeError error) {
                if (error.status() != 402) {
                    status.setRollbackOnly();
                    throw error;
                }
                // A decline after authentication: the failed charge stays, as with the API.
                return store.find(challenge.account().id(), paymentIntent).orElseThrow();
            }
        });
    }
}
