package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /sandbox/accounts}: a new sandbox account with its own keys, e.g. one per Paydeck organization
 * ({@code country=GB} for an account outside the United States). The keys are test keys of this sandbox only; they
 * are returned once here. Open to programs without any sign-in (Paydeck opens its organizations' accounts so); an
 * account opened by a person signed in to Paydeck is recorded as theirs, and the sandbox pages show it to them (see
 * {@link Visitor}).
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
    Map<String, Object> create(@RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "listed", defaultValue = "true") boolean listed,
            @RequestParam(name = "country", required = false) String country, Visitor visitor) {
        String accountName = name == null || name.isBlank() ? "Sandbox account" : name.strip();
        if (accountName.length() > 100) {
            accountName = accountName.substring(0, 100);
        }
        String accountCountry = country == null ? SandboxAccount.DEFAULT_COUNTRY
                : SandboxAccount.country(country).orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "country must be a two-letter country code such as US or GB"));
        SandboxAccount account = accounts.create(accountName, listed, accountCountry, visitor.person());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", account.id());
        body.put("object", "account");
        body.put("name", account.name());
        body.put("secret_key", account.secretKey());
        body.put("publishable_key", account.publishableKey());
        body.put("country", account.country());
        body.put("default_currency", account.defaultCurrency());
        body.put("livemode", false);
        body.put("listed", listed);
        return body;
    }

    /**
     * {@code POST /sandbox/accounts/{id}/fault} with {@code mode=none|unavailable|lose_response}, authorized by the
     * account's secret key: makes the account simulate a Stripe outage, so an integration can test how it copes.
     */
    @PostMapping(value = "/sandbox/accounts/{id}/fault", produces = "application/json")
    ResponseEntity<Map<String, Object>> fault(@PathVariable String id,
            @RequestParam(name = "mode") String mode,
            @RequestHeader(name = "Authorization", required = false)
            String authorization) {
        var account = accounts.byId(id).filter(found -> ("Bearer " + found.secretKey()).equals(authorization));
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error",
                    Map.of("type", "invalid_request_error", "message", "No such account: '" + id
                            + "' (authorize with its secret key)")));
        }
        if (!Set.of("none", "unavailable", "lose_response").contains(mode)) {
            return ResponseEntity.badRequest().body(Map.of("error", Map.of("type",
                    "invalid_request_error", "param", "mode", "message",
                    "Invalid mode: must be one of none, unavailable, lose_response")));
        }
        accounts.setFault(id, mode);
        return ResponseEntity.ok(Map.of("id", id, "fault", mode));
    }
}
