package dev.paydeck.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Locale;

/** The language switcher: keeps the choice (with the person, or in a cookie) and goes back to the page. */
@Controller
class LanguageController {

    private final LocaleResolver languages;

    LanguageController(LocaleResolver languages) {
        this.languages = languages;
    }

    @PostMapping("/language")
    String choose(@RequestParam String language, @RequestParam(required = false) String back,
            HttpServletRequest request, HttpServletResponse response) {
        Languages.supported(Locale.forLanguageTag(language))
                .ifPresent(chosen -> languages.setLocale(request, response, chosen));
        return "redirect:" + samePlace(back);
    }

    /** Only a path of this site: never another site (an open redirect), nor a protocol-relative {@code //host}. */
    static String samePlace(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && !back.contains("\r") && !back.contains("\n") ? back : "/";
    }
}
