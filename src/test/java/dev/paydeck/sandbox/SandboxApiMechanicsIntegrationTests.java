package dev.paydeck.sandbox;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxApiMechanicsIntegrationTests extends SandboxTest {

    @Test
    void missingAndWrongKeysAreRefusedAsStripeRefusesThem() {
        var missing = sandboxCall("GET", "/v1/customers", null, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).at("/error/type").asString()).isEqualTo("invalid_request_error");
        assertThat(json(missing).at("/error/message").asString()).startsWith("You did not provide an API key.");

        assertThatThrownBy(() -> clientFor("sk_test_wrongwrongwrongwrong1234").v1().customers().list())
                .isInstanceOfSatisfying(AuthenticationException.class, error -> assertThat(error.getMessage())
                        .contains("Invalid API Key provided: sk_test_").contains("1234")
                        .doesNotContain("wrongwrongwrong"));
    }

    @Test
    void publishableKeysCannotCallSecretEndpoints() {
        assertThatThrownBy(() -> clientFor(publishableKey).v1().customers().list())
                .isInstanceOf(PermissionException.class)
                .hasMessageContaining("cannot be made with a publishable API key");
    }

    @Test
    void everyResponseCarriesARequestId() {
        var response = sandboxCall("GET", "/v1/customers", null, secretKey);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id)
                .startsWith("req_"));
        assertThat(sandboxCall("GET", "/v1/nothing", null, secretKey).headers().firstValue("Request-Id"))
                .isPresent();
    }

    @Test
    void unknownParametersAreNamed() {
        var response = sandboxCall("POST", "/v1/customers", "email=a%40b.co&colour=blue", secretKey);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asString()).isEqualTo("parameter_unknown");
        assertThat(json(response).at("/error/param").asString()).isEqualTo("colour");
        assertThat(json(response).at("/error/message").asString()).isEqualTo("Received unknown parameter: colour");

        var nested = sandboxCall("POST", "/v1/customers", "invoice_settings%5Bcolour%5D=blue", secretKey);
        assertThat(json(nested).at("/error/param").asString()).isEqualTo("invoice_settings[colour]");
    }

    @Test
    void malformedBodiesGetStripeErrorsNotServerErrors() {
        var badKey = sandboxCall("POST", "/v1/customers", "metadata%5Bx=1", secretKey);
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(json(badKey).at("/error/type").asString()).isEqualTo("invalid_request_error");

        var hashForString = sandboxCall("POST", "/v1/customers", "email%5Bx%5D=1", secretKey);
        assertThat(hashForString.statusCode()).isEqualTo(400);

        var badLimit = sandboxCall("GET", "/v1/customers?limit=500", null, secretKey);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(json(badLimit).at("/error/param").asString()).isEqualTo("limit");

        var notAnInteger = sandboxCall("GET", "/v1/customers?limit=ten", null, secretKey);
        assertThat(notAnInteger.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownUrlIsA404InStripesWords() {
        var response = sandboxCall("GET", "/v1/nothing_here", null, secretKey);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/message").asString())
                .startsWith("Unrecognized request URL (GET: /v1/nothing_here).");
    }

    @Test
    void sameIdempotencyKeyAndParamsReplaysTheFirstResponse() throws Exception {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("key-" + System.nanoTime()).build();
        CustomerCreateParams params = CustomerCreateParams.builder().setEmail("once@example.com").build();

        Customer first = stripe.v1().customers().create(params, options);
        Customer second = stripe.v1().customers().create(params, options);

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(stripe.v1().customers().list().getData()).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyWithOtherParamsIsAnIdempotencyError() throws Exception {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("key-" + System.nanoTime()).build();
        stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("a@example.com").build(), options);

        assertThatThrownBy(() -> stripe.v1().customers().create(
                CustomerCreateParams.builder().setEmail("b@example.com").build(), options))
                .isInstanceOfSatisfying(IdempotencyException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(400);
                    assertThat(error.getMessage()).contains("Keys for idempotent requests can only be used with the "
                            + "same parameters");
                });
    }
}
