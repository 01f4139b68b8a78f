package dev.paydeck.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.PermissionException;
import com.stripe.model.Account;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code GET /v1/account} and {@code GET /v1/accounts/{id}}: each sandbox account as Stripe renders the account a
 * secret key belongs to.
 */
class SandboxAccountIntegrationTests extends SandboxTest {

    @Test
    void retrievesTheAccountOfTheKeyInTheUnitedStatesByDefault() throws Exception {
        Account account = stripe.v1().accounts().retrieveCurrent();

        assertThat(account.getId()).startsWith("acct_");
        assertThat(account.getObject()).isEqualTo("account");
        assertThat(account.getCountry()).isEqualTo("US");
        assertThat(account.getDefaultCurrency()).isEqualTo("usd");
        assertThat(account.getEmail()).isNull();
        assertThat(account.getChargesEnabled()).isTrue();
        assertThat(account.getPayoutsEnabled()).isTrue();
        assertThat(account.getDetailsSubmitted()).isTrue();
        assertThat(account.getType()).isEqualTo("standard");
        assertThat(account.getBusinessProfile().getName()).isEqualTo("test");
        assertThat(account.getSettings().getDashboard().getDisplayName()).isEqualTo("test");
        assertThat(account.getSettings().getPayouts().getSchedule().getDelayDays()).isEqualTo(2L);
        assertThat(account.getCreated()).isPositive();
    }

    @Test
    void theAccountIsAlsoRetrievedByItsIdButNoOtherAccountIs() throws Exception {
        Account current = stripe.v1().accounts().retrieveCurrent();

        Account byId = stripe.v1().accounts().retrieve(current.getId());
        assertThat(byId.getId()).isEqualTo(current.getId());
        assertThat(byId.getCountry()).isEqualTo(current.getCountry());
        assertThat(byId.getSettings().getDashboard().getDisplayName()).isEqualTo("test");
        assertThat(byId.getSettings().getCardPayments().getDeclineOn().getCvcFailure()).isTrue();

        // A sandbox account is no Connect platform: Stripe's answer for another account's id.
        assertThatThrownBy(() -> stripe.v1().accounts().retrieve("acct_1SomeoneElse000000"))
                .isInstanceOfSatisfying(PermissionException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(403);
                    assertThat(error.getStripeError().getMessage())
                            .startsWith("Only Stripe Connect platforms can work with other accounts.");
                });
    }

    @Test
    void anAccountOpenedInTheUnitedKingdomSettlesInPounds() throws Exception {
        var response = send(request("/sandbox/accounts?name=Tea%20Shop&country=gb")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("country").asString()).isEqualTo("GB");
        StripeClient uk = clientFor(json(response).get("secret_key").asString());

        Account account = uk.v1().accounts().retrieveCurrent();
        assertThat(account.getId()).isEqualTo(json(response).get("id").asString());
        assertThat(account.getCountry()).isEqualTo("GB");
        assertThat(account.getDefaultCurrency()).isEqualTo("gbp");
        assertThat(account.getSettings().getDashboard().getDisplayName()).isEqualTo("Tea Shop");
        assertThat(account.getSettings().getPayouts().getSchedule().getDelayDays()).isEqualTo(3L);
        assertThat(stripe.v1().accounts().retrieveCurrent().getId()).isNotEqualTo(account.getId());
    }

    @Test
    void anAccountCannotBeOpenedInSomethingThatIsNotACountryCode() {
        var response = send(request("/sandbox/accounts?name=x&country=Britain")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(400);
    }
}
