package dev.paydeck.platform.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTests {

    @Test
    void theBrowsersFirstLanguagePaydeckSpeaksIsChosen() {
        assertThat(Languages.best("es-CO,es;q=0.9,en;q=0.8")).contains(Locale.forLanguageTag("es"));
        assertThat(Languages.best("de-DE,de;q=0.9,fr;q=0.5,en;q=0.3")).contains(Locale.FRENCH);
        assertThat(Languages.best("en-GB")).contains(Locale.ENGLISH);
        assertThat(Languages.best("fr;q=0.2,es;q=0.8")).contains(Locale.forLanguageTag("es"));
    }

    @Test
    void aBrowserWithoutAnyOfPaydecksLanguagesGetsNone() {
        assertThat(Languages.best("de-DE,ja;q=0.5")).isEmpty();
        assertThat(Languages.best("*")).isEmpty();
        assertThat(Languages.best("")).isEmpty();
        assertThat(Languages.best(null)).isEmpty();
        assertThat(Languages.best("es;q=0")).isEmpty();
        assertThat(Languages.best(";;;not a header")).isEqualTo(Optional.empty());
    }

    @Test
    void theSwitcherGoesBackOnlyToAPageOfThisSite() {
        assertThat(LanguageController.samePlace("/app/organizations?x=1")).isEqualTo("/app/organizations?x=1");
        assertThat(LanguageController.samePlace("https://evil.example/")).isEqualTo("/");
        assertThat(LanguageController.samePlace("//evil.example/")).isEqualTo("/");
        assertThat(LanguageController.samePlace("/\\evil.example/")).isEqualTo("/");
        assertThat(LanguageController.samePlace(null)).isEqualTo("/");
    }
}
