package dev.paydeck.platform.web;

import dev.paydeck.platform.LanguagePreferences;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's language: the person's choice, else the visitor's cookie, else the browser's, else English. */
class PageLanguageTests {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    /** Choices kept by principal name, as the accounts module keeps them by person. */
    private final Map<String, Locale> chosen = new HashMap<>();
    private final PageLanguage language = new PageLanguage(new StaticListableBeanFactory(Map.of("preferences",
            new LanguagePreferences() {
                @Override
                public Optional<Locale> of(Object principal) {
                    return Optional.ofNullable(chosen.get(principal.toString()));
                }

                @Override
                public void remember(Object principal, Locale choice) {
                    chosen.put(principal.toString(), choice);
                }
            })).getBeanProvider(LanguagePreferences.class));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aVisitorGetsTheBrowsersLanguageThenTheirOwnChoice() {
        MockHttpServletRequest request = browser("es-CO,es;q=0.9");
        assertThat(language.resolveLocale(request)).isEqualTo(SPANISH);
        assertThat(language.resolveLocale(browser("de-DE"))).isEqualTo(Locale.ENGLISH);

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        MockHttpServletResponse response = new MockHttpServletResponse();
        language.setLocale(request, response, Locale.FRENCH);
        Cookie cookie = response.getCookie(PageLanguage.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("fr");
        assertThat(chosen).isEmpty();

        MockHttpServletRequest next = browser("es-CO,es;q=0.9");
        next.setCookies(cookie);
        assertThat(language.resolveLocale(next)).isEqualTo(Locale.FRENCH);
    }

    @Test
    void aPersonsChoiceWinsOverTheCookieAndTheBrowser() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "ada", null, AuthorityUtils.createAuthorityList("ROLE_PERSON")));
        MockHttpServletRequest request = browser("en-US");
        language.setLocale(request, new MockHttpServletResponse(), SPANISH);
        assertThat(chosen).containsEntry("ada", SPANISH);

        MockHttpServletRequest elsewhere = browser("fr-FR");
        elsewhere.setCookies(new Cookie(PageLanguage.COOKIE, "en"));
        assertThat(language.resolveLocale(elsewhere)).isEqualTo(SPANISH);
    }

    @Test
    void aLanguagePaydeckLacksIsNeverKept() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        language.setLocale(browser("en"), response, Locale.GERMAN);
        assertThat(response.getCookie(PageLanguage.COOKIE).getValue()).isEqualTo("en");

        MockHttpServletRequest forged = browser("es");
        forged.setCookies(new Cookie(PageLanguage.COOKIE, "de"));
        assertThat(language.resolveLocale(forged)).isEqualTo(SPANISH);
    }

    private static MockHttpServletRequest browser(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Accept-Language", acceptLanguage);
        return request;
    }
}
