package dev.paydeck.demo;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class DemoShopBrowserTests extends BrowserTest {

    @Autowired
    DemoData demo;

    @Test
    void theFirstPersonToSignUpIsToldTheyOwnTheDemoShop() {
        demo.createDemoOrganization();

        page.navigate("/signup");
        page.getByLabel("Your name").fill("Frances Allen");
        page.getByLabel("Email").fill("demo-owner-" + UUID.randomUUID() + "@example.com");
        page.getByLabel("Password").fill("a long enough password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();

        assertThat(page.locator("h1")).hasText("Welcome, Frances Allen");
        assertThat(page.getByTestId("demo-notice")).containsText("You own the Demo Shop.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the Demo Shop")).click();

        assertThat(page.locator("h1")).hasText("Demo Shop");
        assertThat(page.getByTestId("mode")).hasText("SANDBOX");
        assertThat(page.getByTestId("demo-notice")).containsText("You own the Demo Shop.");
        assertThat(page.getByTestId("organization-switcher")).containsText("Demo Shop");
    }
}
