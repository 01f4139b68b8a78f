package dev.paydeck.platform.web;

import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.StripeStatus;
import dev.paydeck.platform.PaydeckVersion;
import dev.paydeck.platform.database.DatabaseLocation;
import dev.paydeck.platform.security.SignInFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
        model.addAttribute("embeddedDatabase", database.isEmbedded());
        model.addAttribute("stripeMode", stripe.mode());
        model.addAttribute("sandboxEnabled", properties.sandbox().enabled());
        model.addAttribute("webhooksEnabled", properties.webhooks().enabled());
        return "platform/home";
    }

    /** The sign-in page; after a failed sign-in it keeps the email typed (only the password is asked again). */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignInFailure.EMAIL) instanceof String email) {
            session.removeAttribute(SignInFailure.EMAIL);
            model.addAttribute("email", email);
        }
        return "platform/login";
    }
}
