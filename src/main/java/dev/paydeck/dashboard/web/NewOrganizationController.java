package dev.paydeck.dashboard.web;

import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.demo.DemoShop;
import dev.paydeck.organizations.InvalidStripeKeysException;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeKeys;
import dev.paydeck.organizations.StripeKeysRequiredException;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The first run: after sign-up, a person makes their first organization (name, country, default currency; a sandbox
 * account, or their Stripe keys) and lands on its dashboard. The first person to sign up is told they own the Demo
 * Shop. The same page makes any further organization.
 */
@Controller
class NewOrganizationController {

    /** Currencies offered first (the rest of Stripe's follow): those of the reference documents and the largest. */
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "COP", "MXN", "CAD", "AUD", "JPY",
            "CHF", "BRL", "INR", "SEK", "NOK", "DKK", "PLN", "NZD", "SGD", "HKD");

    /** The country and currency proposed to a person who reads this language. */
    private static final Map<String, OrganizationForm> DEFAULTS = Map.of(
            "en", new OrganizationForm("", "US", "USD", "sandbox", "", "", ""),
            "es", new OrganizationForm("", "ES", "EUR", "sandbox", "", "", ""),
            "fr", new OrganizationForm("", "FR", "EUR", "sandbox", "", "", ""));

    private final Organizations organizations;
    private final Memberships memberships;
    private final DemoShop demo;

    NewOrganizationController(Organizations organizations, Memberships memberships, DemoShop demo) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.demo = demo;
    }

    /** A country as the form offers it: its code and its name in the page's language. */
    record Choice(String code, String name) {
    }

    @GetMapping("/app/organizations/new")
    String page(@AuthenticationPrincipal SignedInPerson person, Locale locale, Model model) {
        model.addAttribute("organizationForm", DEFAULTS.getOrDefault(locale.getLanguage(), DEFAULTS.get("en")));
        return show(person, locale, model);
    }

    @PostMapping("/app/organizations/new")
    String create(@AuthenticationPrincipal SignedInPerson person,
            @Valid @ModelAttribute("organizationForm") OrganizationForm form, BindingResult errors, Locale locale,
            Model model) {
        StripeKeys keys = form.withKeys()
                ? new StripeKeys(form.publishableKey(), form.secretKey(), form.webhookSecret()) : null;
        if (form.currency() != null && !errors.hasFieldErrors("currency")
                && Money.currency(form.currency()).isEmpty()) {
            errors.rejectValue("currency", "Pattern");
        }
        if (form.country() != null && !errors.hasFieldErrors("country")
                && !Arrays.asList(Locale.getISOCountries()).contains(form.country())) {
            errors.rejectValue("country", "Pattern");
        }
        if (keys != null) {
            keys.problems().keySet().forEach(field -> errors.rejectValue(property(field), "invalid"));
        }
        if (errors.hasErrors()) {
            return show(person, locale, model);
        }
        Organization created;
        try {
            created = organizations.create(form.name().strip(),
                    new Organizations.Profile(form.country(), form.currency()), person.id(), person.email(), keys);
        } catch (InvalidStripeKeysException e) {
            e.problems().keySet().forEach(field -> errors.rejectValue(property(field), "invalid"));
            return show(person, locale, model);
        } catch (StripeKeysRequiredException e) {
            errors.rejectValue("stripe", "required");
            return show(person, locale, model);
        }
        return "redirect:/app/organizations/" + created.id();
    }

    private String show(SignedInPerson person, Locale locale, Model model) {
        List<OrganizationId> theirs = memberships.organizationsOf(person.id());
        Optional<Organization> demoShop = theirs.stream().filter(demo::isDemo).findFirst()
                .flatMap(organizations::find);
        model.addAttribute("firstRun", theirs.isEmpty() || theirs.size() == 1 && demoShop.isPresent());
        model.addAttribute("demoShop", demoShop.orElse(null));
        model.addAttribute("countries", countries(locale));
        model.addAttribute("currencies", CURRENCIES);
        return "dashboard/new-organization";
    }

    private static List<Choice> countries(Locale locale) {
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Choice(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Choice::name, java.text.Collator.getInstance(locale)))
                .toList();
    }

    /** The form's property for a field {@link StripeKeys#problems()} names. */
    private static String property(String field) {
        return switch (field) {
            case "publishable_key" -> "publishableKey";
            case "webhook_secret" -> "webhookSecret";
            default -> "secretKey";
        };
    }
}
