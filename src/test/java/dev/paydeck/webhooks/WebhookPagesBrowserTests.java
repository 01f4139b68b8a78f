package dev.paydeck.webhooks;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class WebhookPagesBrowserTests extends BrowserTest {

    @Test
    void theOrganizationsWebhookPageShowsTheEventsStripeSent() {
        Person owner = signUp("Hook watcher");
        String organization = createOrganization(owner, "Hooked Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");

        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings"))
                .click();
        assertThat(page.locator("h1")).hasText("Settings of Hooked Shop");
        page.getByTestId("settings-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Webhook endpoint")).click();
        page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See the events")).click();

        assertThat(page.locator("h1")).hasText("Webhook events from Stripe");
        for (int i = 0; i < 60 && !page.content().contains("payment_intent.succeeded"); i++) {
            page.waitForTimeout(250);
            page.reload();
        }
        assertThat(page.getByText("payment_intent.succeeded").first()).isVisible();
        assertThat(page.locator("[data-status=PROCESSED]")).not().hasText("0");
        page.getByText("This Paydeck instance since it started").click();
        assertThat(page.locator("dt", new Page.LocatorOptions().setHasText("Lag (mean / max)"))).isVisible();

        Person stranger = signUp("Stranger");
        String theirs = createOrganization(stranger, "Not yours", null).get("id").asString();
        var response = page.navigate("/app/organizations/" + theirs + "/webhooks");
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
    }
}
