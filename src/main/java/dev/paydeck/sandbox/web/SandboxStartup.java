package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure a sandbox account exists from the first start (the checkout demo's), and names it in the start-up log.
 * The log shows the publishable key and only the end of the secret key; in sandbox-only mode the whole key is on the
 * sandbox page (in the full product the pages show a person only their own and their organizations' accounts).
 */
@Component
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxStartup {

    private static final Logger log = LoggerFactory.getLogger(SandboxStartup.class);

    private final SandboxAccounts accounts;
    private final boolean sandboxOnly;

    SandboxStartup(SandboxAccounts accounts, @Value("${paydeck.sandbox-only:false}") boolean sandboxOnly) {
        this.accounts = accounts;
        this.sandboxOnly = sandboxOnly;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAccount() {
        SandboxAccount account = accounts.defaultAccount();
        log.info("Sandbox account {}: publishable key {}, secret key {}{}", account.id(), account.publishableKey(),
                SandboxAccount.masked(account.secretKey()), sandboxOnly ? " (see /sandbox for the full key)" : "");
    }
}
