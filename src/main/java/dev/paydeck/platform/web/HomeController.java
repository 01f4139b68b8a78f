package dev.paydeck.platform.web;

import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.StripeStatus;
import dev.paydeck.platform.PaydeckVersion;
import dev.paydeck.platform.database.DatabaseLocation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page and the sign-in page. */
@Controller
class HomeController {

    private final PaydeckProperties properties;
    private final DatabaseLocation database;
    private final StripeStatus stripe;
    private final PaydeckVersion version;

    HomeController(PaydeckProperties properties, DatabaseLocation database, StripeStatus stripe,
            PaydeckVersion version) {
        this.properties = properties;
        this.database = database;
        this.stripe = stripe;
        this.version = version;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("version", version.value());
        model.addAttribute("databaseKind", database.isEmbedded() ? "Embedded PostgreSQL" : "External PostgreSQL");
        model.addAttribute("stripeMode", stripe.mode());
        model.addAttribute("sandboxEnabled", properties.sandbox().enabled());
        model.addAttribute("webhooksEnabled", properties.webhooks().enabled());
        return "platform/home";
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }
}
