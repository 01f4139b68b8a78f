package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /sandbox/accounts}: a new sandbox account with its own keys, e.g. one per Paydeck organization.
 * The keys are test keys of this sandbox only; they are returned once here and shown on the sandbox page.
 */
@RestController
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxAccountController {

    private final SandboxAccounts accounts;

    SandboxAccountController(SandboxAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping(value = "/sandbox/accounts", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestParam(name = "name", required = false) String name) {
        String accountName = name == null || name.isBlank() ? "Sandbox account" : name.strip();
        if (accountName.length() > 100) {
            accountName = accountName.substring(0, 100);
        }
        SandboxAccount account = accounts.create(accountName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", account.id());
        body.put("object", "account");
        body.put("name", account.name());
        body.put("secret_key", account.secretKey());
        body.put("publishable_key", account.publishableKey());
        body.put("livemode", false);
        return body;
    }
}
