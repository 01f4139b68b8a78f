package dev.paydeck.platform;

import java.util.Locale;
import java.util.Set;

/** The language of mails to a business's customers: their country's, among those Paydeck speaks (en, es, fr). */
public final class MailLanguages {

    /** Countries whose people read Spanish or French; the others get English. */
    private static final Set<String> SPANISH = Set.of("ES", "MX", "CO", "AR", "CL", "PE", "EC", "VE", "GT", "CU", "BO",
            "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY", "PR", "GQ");
    private static final Set<String> FRENCH = Set.of("FR", "MC", "SN", "CI", "CM", "MG", "ML", "BF", "NE", "TG", "BJ",
            "GA", "CG", "CD", "HT", "RE", "GP", "MQ", "GF", "PF", "NC");

    private MailLanguages() {
    }

    /** The language for people of this country (ISO 3166 code; null or unknown: English). */
    public static Locale ofCountry(String country) {
        String code = country == null ? "" : country.toUpperCase(Locale.ROOT);
        return SPANISH.contains(code) ? Locale.forLanguageTag("es") : FRENCH.contains(code) ? Locale.FRENCH
                : Locale.ENGLISH;
    }
}
