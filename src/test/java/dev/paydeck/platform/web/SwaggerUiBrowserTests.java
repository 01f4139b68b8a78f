package dev.paydeck.platform.web;

import com.microsoft.playwright.Locator;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A developer reads an endpoint in Swagger UI, authorizes with an API key and calls it with the shown example. */
class SwaggerUiBrowserTests extends BrowserTest {

    @Test
    void takeAPaymentFromTheDocsWithItsExample() {
        Person owner = signUp("Docs Developer");
        String organization = createOrganization(owner, "Docs Coffee", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");

        page.navigate("/docs");
        page.locator(".btn.authorize").click();
        page.locator(".modal-ux input").first().fill(key);
        page.locator(".modal-ux .auth-btn-wrapper .authorize").click();
        page.locator(".modal-ux .btn-done").click();

        Locator create = page.locator(".opblock-post").filter(new Locator.FilterOptions()
                .setHas(page.locator(".opblock-summary-path[data-path='/api/v1/payment-intents']")));
        create.locator(".opblock-summary").click();
        assertThat(create.locator(".responses-wrapper")).containsText("\"client_secret\"");
        assertThat(create.locator(".responses-wrapper")).containsText("\"amount_formatted\": \"$20.00\"");

        create.locator(".try-out__btn").click();
        assertThat(create.locator("textarea.body-param__text")).hasValue(
                java.util.regex.Pattern.compile("\"customer_email\": \"ada@example.com\""));
        create.locator(".execute").click();

        Locator live = create.locator(".live-responses-table");
        assertThat(live.locator("tbody .response-col_status")).containsText("201");
        assertThat(live).containsText("\"status\": \"succeeded\"");
        assertThat(live).containsText("\"customer_id\": ");
    }
}
