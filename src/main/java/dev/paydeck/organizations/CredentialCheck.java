package dev.paydeck.organizations;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import dev.paydeck.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks that an organization's Stripe key works by reading its balance: {@code valid}, {@code invalid} (Stripe
 * refused the key), {@code permission_missing} (a restricted key without balance read), or {@code unreachable};
 * keeps the result with Stripe's message and the time. Done on save, on demand and periodically (the job in
 * {@link CredentialCheckJob}).
 */
@Service
class CredentialCheck {

    private static final Logger log = LoggerFactory.getLogger(CredentialCheck.class);

    private final StripeClients clients;
    private final StripeAccounts accounts;

    CredentialCheck(StripeClients clients, StripeAccounts accounts) {
        this.clients = clients;
        this.accounts = accounts;
    }

    String check(OrganizationId organization) {
        String status;
        String message;
        try {
            clients.forOrganization(organization).v1().balance().retrieve();
            status = "valid";
            message = "Stripe accepted the key.";
        } catch (PermissionException e) {
            status = "permission_missing";
            message = e.getStripeError() != null ? e.getStripeError().getMessage()
                    : "The key lacks a permission Paydeck needs.";
        } catch (AuthenticationException e) {
            status = "invalid";
            message = e.getStripeError() != null ? e.getStripeError().getMessage() : "Stripe refused the key.";
        } catch (ApiConnectionException e) {
            status = "unreachable";
            message = "Stripe could not be reached: " + e.getClass().getSimpleName();
        } catch (StripeException e) {
            status = "invalid";
            message = e.getStripeError() != null ? e.getStripeError().getMessage() : e.getClass().getSimpleName();
        }
        accounts.recordCheck(organization, status, message);
        log.info("Stripe credential check for organization {}: {}", organization, status);
        return status;
    }

    /** Checks every organization's keys again; one organization's failure does not stop the others'. */
    void recheckAll() {
        for (OrganizationId organization : accounts.organizations()) {
            try {
                check(organization);
            } catch (RuntimeException e) {
                log.warn("Periodic credential check of organization {} failed: {}", organization,
                        e.getClass().getSimpleName());
            }
        }
    }
}
