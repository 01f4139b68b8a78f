package dev.paydeck.accounts;

import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class AccountsBrowserTests extends BrowserTest {

    @Test
    void signUpSignOutAndSignInAgain() {
        String email = AccountsIntegrationTests.uniqueEmail();
        page.navigate("/");
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign up")).click();

        page.getByLabel("Your name").fill("Katherine Johnson");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("short");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Create account")).click();
        assertThat(page.getByText("must be between 12 and 72 characters")).isVisible();

        page.getByLabel("Password").fill("a long enough password");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Create account")).click();
        assertThat(page.locator("h1")).hasText("Welcome, Katherine Johnson");

        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.navigate("/app");
        assertThat(page.locator("h1")).hasText("Sign in to Paydeck");

        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("the wrong password");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in")
                .setExact(true)).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The email or password is not right");

        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("a long enough password");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in")
                .setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Welcome, Katherine Johnson");
    }
}
