package dev.paydeck.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Locale;

/**
 * What the layout asks while it renders (as {@code @pages}): the languages to switch to, the page's language and
 * its address (to come back to after switching). Read only when a page renders, never for an API call.
 */
@Component("pages")
public class PageContext {

    /** A language as the switcher offers it: its code and its own name ({@code Español}). */
    public record Language(String code, String name, boolean current) {
    }

    public List<Language> languages() {
        String current = language();
        return Languages.SUPPORTED.stream().map(locale -> new Language(locale.getLanguage(),
                capitalized(locale.getDisplayLanguage(locale), locale), locale.getLanguage().equals(current))).toList();
    }

    /** The page's language code: {@code en}, {@code es} or {@code fr}. */
    public String language() {
        return Languages.supported(LocaleContextHolder.getLocale()).orElse(Languages.DEFAULT).getLanguage();
    }

    /** The address of the page being shown, with its query, to come back to. */
    public String path() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/";
        }
        HttpServletRequest request = attributes.getRequest();
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String original ? original
                : forwarded instanceof String original ? original : request.getRequestURI();
        String query = request.getQueryString();
        return LanguageController.samePlace(query == null ? path : path + "?" + query);
    }

    private static String capitalized(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
