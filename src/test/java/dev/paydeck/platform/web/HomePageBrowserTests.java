package dev.paydeck.platform.web;

import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class HomePageBrowserTests extends BrowserTest {

    @Test
    void homePageSaysWhatPaydeckIsAndLeadsToTheSandbox() {
        page.navigate("/");

        assertThat(page).hasTitle("Payments and billing on your own servers · Paydeck");
        assertThat(page.locator("h1")).containsText("Payments and billing on your own servers");
        // "test" once another test of the run has made an organization with test-mode keys.
        assertThat(page.locator(".pd-status")).containsText(java.util.regex.Pattern.compile("sandbox|test"));

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Open the sandbox")).click();

        // The sandbox's pages show accounts and their keys: a signed-out visitor signs in first.
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("h1")).hasText("Sign in to Paydeck");
    }

    @Test
    void stylesAndScriptsLoad() {
        page.navigate("/");

        // Bootstrap and Paydeck's stylesheet applied: the primary button is a rounded, brand-coloured button.
        var button = page.locator("a.btn-primary").first();
        org.assertj.core.api.Assertions.assertThat(button.evaluate("e => getComputedStyle(e).backgroundColor"))
                .isEqualTo("rgb(81, 70, 229)");
        org.assertj.core.api.Assertions.assertThat(button.evaluate("e => getComputedStyle(e).borderRadius"))
                .isNotEqualTo("0px");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => typeof window.htmx")).isEqualTo("object");
    }

    @Test
    void unknownPageShowsTheFriendlyErrorPage() {
        page.navigate("/no-such-page");

        assertThat(page.locator("h1")).hasText("Not Found");
        assertThat(page.getByText("There is nothing at this address.")).isVisible();
        page.getByText("Back to the home page").click();
        assertThat(page).hasURL(url("/"));
    }
}
