package dev.paydeck.support;

import com.stripe.StripeClient;
import org.junit.jupiter.api.BeforeEach;

import java.net.http.HttpRequest;

/**
 * Base of tests that drive the sandbox through the official stripe-java SDK, exactly as Paydeck (or any program)
 * uses real Stripe: a {@link StripeClient} whose API base is the sandbox. Each test gets a fresh sandbox account.
 */
public abstract class SandboxTest extends IntegrationTest {

    protected StripeClient stripe;
    protected String secretKey;
    protected String publishableKey;

    @BeforeEach
    protected void newSandboxAccount() {
        var response = send(request("/sandbox/accounts?name=test").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Could not create a sandbox account: " + response.body());
        }
        var account = json(response);
        secretKey = account.get("secret_key").asString();
        publishableKey = account.get("publishable_key").asString();
        stripe = clientFor(secretKey);
    }

    protected StripeClient clientFor(String apiKey) {
        return StripeClient.builder().setApiKey(apiKey).setApiBase(url("/sandbox")).build();
    }

    /** A raw form-encoded call to the sandbox, for what an SDK would not send (wrong params, bad keys...). */
    protected java.net.http.HttpResponse<String> sandboxCall(String method, String path, String form, String key) {
        HttpRequest.Builder builder = request("/sandbox" + path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return send(builder);
    }
}
