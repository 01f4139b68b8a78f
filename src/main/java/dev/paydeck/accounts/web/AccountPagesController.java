package dev.paydeck.accounts.web;

import dev.paydeck.accounts.Accounts;
import dev.paydeck.accounts.EmailAlreadyUsedException;
import dev.paydeck.accounts.Person;
import dev.paydeck.accounts.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/** The sign-up page. */
@Controller
class AccountPagesController {

    private final Accounts accounts;
    private final SessionSignIn sessions;

    AccountPagesController(Accounts accounts, SessionSignIn sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** The sign-up page; {@code email} fills the form in (the link of an invitation mail gives it). */
    @GetMapping("/signup")
    String signUpPage(@RequestParam(defaultValue = "") String email, Model model) {
        model.addAttribute("form", new SignUpForm(email.strip(), "", ""));
        return "accounts/signup";
    }

    /**
     * Signs the person up and in, keeping the language the page was in as theirs; then the first-run page (their
     * first organization).
     */
    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, Locale language,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return "accounts/signup";
        }
        Person person;
        try {
            person = accounts.signUp(form.email(), form.name(), form.password());
        } catch (EmailAlreadyUsedException e) {
            errors.rejectValue("email", "used", e.getMessage());
            return "accounts/signup";
        }
        accounts.chooseLanguage(person.id(), language.getLanguage());
        sessions.signIn(person, request, response);
        // The start page takes a new person to their first organization, or to one they were invited to.
        return "redirect:/app?signed-up";
    }
}
