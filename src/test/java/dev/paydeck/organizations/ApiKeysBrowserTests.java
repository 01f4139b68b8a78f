package dev.paydeck.organizations;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person makes an API key on the settings page, copies it from the one page that shows it, authorizes Swagger UI
 * with it and calls the API from there; once revoked, the key is refused.
 */
class ApiKeysBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void aKeyIsShownOnceWorksInSwaggerUiAndIsRefusedOnceRevoked() {
        Person owner = signUp("Key maker");
        String organization = createOrganization(owner, "Keyed Coffee", null).get("id").asString();
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.setViewportSize(1280, 900);
        MailPages.signIn(page, owner.email(), PASSWORD);
        page.navigate("/app/organizations/" + organization);
        assertThat(page.locator("#content").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Settings").setExact(true))).hasAttribute("href", "/app/organizations/" + organization
                + "/settings");
        page.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")
                .setExact(true)).click();
        assertThat(page).hasURL(url("/app/organizations/" + organization + "/settings"));
        assertThat(page.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")
                .setExact(true))).hasAttribute("aria-current", "page");
        page.getByTestId("settings-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("API keys")).click();
        assertThat(page.getByTestId("no-keys")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the key")).click();
        assertThat(page.getByText("Please give the key a name, e.g. the program that uses it.")).isVisible();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-describedby", "key-name-error");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Docs explorer");
        page.getByLabel("Role").selectOption("admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the key")).click();
        assertThat(page.getByTestId("new-key")).containsText("Your new key “Docs explorer”");
        String key = page.getByTestId("new-key-secret").inputValue();
        assertThat(key).matches("pd_test_[A-Za-z0-9]{40}");
        page.getByTestId("copy-key").click();
        assertThat(page.getByTestId("copy-key")).hasText("Copied");
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(key);
        Locator row = page.locator("#api-keys tbody tr").filter(new Locator.FilterOptions().setHasText("Docs explorer"));
        assertThat(row).containsText(key.substring(0, 12) + "…");
        assertThat(row.getByTestId("last-used")).hasText("never");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("api-keys.png")).setFullPage(true));

        // Shown once: a reload (or any later visit) has only the key's start.
        page.reload();
        assertThat(page.getByTestId("new-key")).hasCount(0);
        assertThat(page.content()).doesNotContain(key);

        page.navigate("/docs");
        page.locator(".btn.authorize").click();
        page.locator(".modal-ux input").first().fill(key);
        page.locator(".modal-ux .auth-btn-wrapper .authorize").click();
        page.locator(".modal-ux .btn-done").click();
        Locator mine = page.locator(".opblock-get").filter(new Locator.FilterOptions()
                .setHas(page.locator(".opblock-summary-path[data-path='/api/v1/organizations']")));
        mine.locator(".opblock-summary").click();
        mine.locator(".try-out__btn").click();
        mine.locator(".execute").click();
        Locator live = mine.locator(".live-responses-table");
        assertThat(live.locator("tbody .response-col_status")).containsText("200");
        assertThat(live).containsText("\"name\": \"Keyed Coffee\"");

        page.navigate("/app/organizations/" + organization + "/settings/api-keys");
        assertThat(row.getByTestId("last-used")).not().hasText("never");
        row.getByText("Revoke…").click();
        assertThat(row).containsText("Revoke “Docs explorer”? Programs using it are refused at once");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, revoke")).click();
        assertThat(page.getByTestId("notice")).hasText("The key is revoked: calls with it are refused.");
        assertThat(row.getByTestId("revoked")).hasText("revoked");

        assertThat(call("GET", "/api/v1/organizations", key, null).statusCode()).isEqualTo(401);
        page.navigate("/docs");
        page.locator(".btn.authorize").click();
        page.locator(".modal-ux input").first().fill(key);
        page.locator(".modal-ux .auth-btn-wrapper .authorize").click();
        page.locator(".modal-ux .btn-done").click();
        mine.locator(".opblock-summary").click();
        mine.locator(".try-out__btn").click();
        mine.locator(".execute").click();
        assertThat(mine.locator(".live-responses-table tbody .response-col_status")).containsText("401");
    }
}
