package dev.paydeck.sandbox;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class SandboxPagesBrowserTests extends BrowserTest {

    @Test
    void createsAnAccountRevealsItsKeysAndShowsItsApiRequests() throws Exception {
        page.navigate("/sandbox");
        assertThat(page.locator("h1")).hasText("The Stripe-compatible sandbox");

        page.getByLabel("Name").fill("Browser shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        assertThat(page.locator("h1")).hasText("Browser shop");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("created");
        Locator secret = page.getByTestId("secret-key");
        assertThat(secret).not().isVisible();
        page.getByText("Reveal").first().click();
        assertThat(secret).isVisible();
        String secretKey = secret.textContent().strip();
        org.assertj.core.api.Assertions.assertThat(secretKey).startsWith("sk_test_");

        StripeClient stripe = StripeClient.builder().setApiKey(secretKey).setApiBase(url("/sandbox")).build();
        var customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Seen").build(),
                com.stripe.net.RequestOptions.builder().setIdempotencyKey("browser-key-1").build());

        page.reload();
        Locator row = page.getByTestId("requests").locator("tbody tr").first();
        assertThat(row).containsText("POST");
        assertThat(row).containsText("/v1/customers");
        assertThat(row).containsText("200");
        assertThat(row).containsText("browser-key-1");
        assertThat(row).containsText(Pattern.compile("req_\\w+"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Events")).click();
        Locator eventRow = page.getByTestId("events").locator("tbody tr").first();
        assertThat(eventRow).containsText("customer.created");
        Page json = page.waitForPopup(() -> eventRow.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("JSON")).click());
        assertThat(json.locator("body")).containsText(customer.getId());
        assertThat(json.locator("body")).containsText("\"type\" : \"customer.created\"");
    }

    @Test
    void sendsATestEventToAnEndpointAndShowsTheAttempt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Account account = newAccount();
            StripeClient stripe = StripeClient.builder().setApiKey(account.secretKey()).setApiBase(url("/sandbox"))
                    .build();
            WebhookEndpoint endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                    .setUrl(receiver.url()).addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).build());
            page.navigate("/sandbox/accounts/" + account.id() + "/webhooks");
            Locator card = page.getByTestId("endpoint");
            assertThat(card).containsText(receiver.url());
            card.getByText("Reveal signing secret").click();
            assertThat(card).containsText(endpoint.getSecret());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event")).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Test event evt_");
            var request = receiver.await(1, Duration.ofSeconds(10)).getFirst();
            var event = Webhook.constructEvent(request.body(), request.header("Stripe-Signature"),
                    endpoint.getSecret());
            org.assertj.core.api.Assertions.assertThat(event.getType()).isEqualTo("customer.created");

            Locator attempt = page.getByTestId("attempts").locator("tbody tr").first();
            assertThat(attempt).containsText("#1", new com.microsoft.playwright.assertions.LocatorAssertions
                    .ContainsTextOptions().setTimeout(10_000));
            assertThat(attempt).containsText("200");
            assertThat(attempt).containsText(event.getId());
        }
    }

    @Test
    void addsAnEndpointThatFailsAndShowsTheNextRetry() throws Exception {
        String accountId = newAccount().id();
        page.navigate("/sandbox/accounts/" + accountId + "/webhooks");

        page.getByLabel("URL").fill("http://127.0.0.1:9/closed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add endpoint")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Endpoint we_");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event")).click();

        Locator attempt = page.getByTestId("attempts").locator("tbody tr").first();
        assertThat(attempt).containsText("Connection failed", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(attempt).containsText("UTC");
    }

    @Test
    void resetsAnAccountAfterConfirmation() throws Exception {
        Account account = newAccount();
        StripeClient stripe = StripeClient.builder().setApiKey(account.secretKey()).setApiBase(url("/sandbox"))
                .build();
        stripe.v1().customers().create(CustomerCreateParams.builder().setName("Gone soon").build());
        String accountId = account.id();

        page.navigate("/sandbox/accounts/" + accountId);
        assertThat(page.getByTestId("requests")).containsText("/v1/customers");
        page.getByLabel("Yes, delete all data of this account").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset account data")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("was deleted");
        assertThat(page.getByTestId("requests")).containsText("No requests yet");
        org.assertj.core.api.Assertions.assertThat(stripe.v1().customers().list().getData()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(stripe.v1().events().list().getData()).isEmpty();
    }

    @Test
    void listsTheTestCards() {
        page.navigate("/sandbox");
        page.getByText("Test cards reference").click();

        assertThat(page.locator("h1")).hasText("Test cards");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("pm_card_visa_chargeDeclinedInsufficientFunds")))
                .containsText("insufficient_funds");
        assertThat(page.getByText("4242 4242 4242 4242")).isVisible();
    }

    private record Account(String id, String secretKey) {
    }

    private Account newAccount() {
        var response = send(request("/sandbox/accounts?name=browser").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        return new Account(json(response).get("id").asString(), json(response).get("secret_key").asString());
    }
}
