package dev.paydeck.organizations;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Opens a sandbox account (its own sk_test_/pk_test_ keys) for an organization that brought no Stripe keys. The
 * account is unlisted, so its keys are not on the public sandbox pages: Paydeck alone holds them, encrypted.
 */
@Component
class SandboxProvisioner {

    private final SandboxLocation sandbox;
    private final RestClient http = RestClient.create();

    SandboxProvisioner(SandboxLocation sandbox) {
        this.sandbox = sandbox;
    }

    StripeKeys openAccount(String organizationName) {
        if (!sandbox.available()) {
            throw new StripeKeysRequiredException();
        }
        try {
            JsonNode account = http.post()
                    .uri(sandbox.apiBase() + "/accounts?name={name}&listed=false", organizationName)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class);
            return new StripeKeys(account.get("publishable_key").asString(), account.get("secret_key").asString(),
                    null);
        } catch (RestClientException e) {
            throw new IllegalStateException("The sandbox could not open an account: " + e.getClass().getSimpleName());
        }
    }
}
