package dev.paydeck.platform.web;

import dev.paydeck.platform.LanguagePreferences;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page: the signed-in person's choice (kept with the person), else a signed-out visitor's choice
 * (a cookie), else the best of the browser's {@code Accept-Language} that Paydeck speaks, else English. A person's
 * choice is read once per session.
 */
class PageLanguage implements LocaleResolver {

    static final String COOKIE = "paydeck-language";
    private static final String SESSION_ATTRIBUTE = PageLanguage.class.getName() + ".person";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    private final ObjectProvider<LanguagePreferences> preferences;

    PageLanguage(ObjectProvider<LanguagePreferences> preferences) {
        this.preferences = preferences;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return ofPerson(request)
                .or(() -> ofCookie(request))
                .or(() -> Languages.best(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
                .orElse(Languages.DEFAULT);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale language = Languages.supported(locale).orElse(Languages.DEFAULT);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, language.getLanguage()).path("/")
                .maxAge(COOKIE_LIFETIME).httpOnly(true).sameSite("Lax").build().toString());
        Object principal = principal();
        if (principal != null) {
            preferences.ifAvailable(store -> store.remember(principal, language));
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(SESSION_ATTRIBUTE, new Remembered(principalName(), language));
            }
        }
    }

    /** A person's language as read for the session, with whose it is (a session outlives a sign-in). */
    private record Remembered(String person, Locale language) implements java.io.Serializable {
    }

    private Optional<Locale> ofPerson(HttpServletRequest request) {
        Object principal = principal();
        if (principal == null) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Remembered remembered
                && remembered.person().equals(principalName())) {
            return Optional.ofNullable(remembered.language());
        }
        LanguagePreferences store = preferences.getIfAvailable();
        Optional<Locale> chosen = store == null ? Optional.empty()
                : store.of(principal).flatMap(Languages::supported);
        if (session != null) {
            session.setAttribute(SESSION_ATTRIBUTE, new Remembered(principalName(), chosen.orElse(null)));
        }
        return chosen;
    }

    private static Optional<Locale> ofCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return List.of(cookies).stream().filter(cookie -> COOKIE.equals(cookie.getName())).findFirst()
                .flatMap(cookie -> Languages.supported(Locale.forLanguageTag(cookie.getValue())));
    }

    /** The signed-in principal; null for nobody and for Spring Security's anonymous visitor. */
    private static Object principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getPrincipal();
    }

    private static String principalName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
