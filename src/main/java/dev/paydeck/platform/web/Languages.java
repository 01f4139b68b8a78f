package dev.paydeck.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Paydeck's pages are written in (the message bundles {@code messages*.properties}). */
public final class Languages {

    /** English, Spanish and French: the languages of the reference documents. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.FRENCH);
    static final Locale DEFAULT = Locale.ENGLISH;

    private Languages() {
    }

    /** The supported language of a locale ({@code es-CO} is {@code es}); empty for a language Paydeck lacks. */
    public static Optional<Locale> supported(Locale locale) {
        return locale == null ? Optional.empty() : SUPPORTED.stream()
                .filter(language -> language.getLanguage().equals(locale.getLanguage())).findFirst();
    }

    /** The best supported language of an {@code Accept-Language} header, as the browser ranked them. */
    static Optional<Locale> best(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> range.getRange().equals("*") ? null : Locale.forLanguageTag(range.getRange()))
                    .map(Languages::supported)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
