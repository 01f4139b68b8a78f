package dev.paydeck.accounts.web;

import dev.paydeck.accounts.PasswordResets;
import dev.paydeck.accounts.PasswordResets.LinkState;
import dev.paydeck.accounts.Person;
import dev.paydeck.accounts.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.Optional;

/**
 * "Forgot your password?": the email form, then the page of the mailed link (new password, then signed in). The
 * answer to the email form is the same whether the email has an account or not.
 */
@Controller
class PasswordPagesController {

    record ForgotForm(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetForm(@NotBlank String token,
                     @NotBlank @Size(min = 12, max = 72, message = "must be between 12 and 72 characters")
                     String password) {
    }

    private final PasswordResets resets;
    private final SessionSignIn sessions;

    PasswordPagesController(PasswordResets resets, SessionSignIn sessions) {
        this.resets = resets;
        this.sessions = sessions;
    }

    @GetMapping("/password/forgot")
    String forgotPage(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "accounts/forgot-password";
    }

    @PostMapping("/password/forgot")
    String forgot(@Validated @ModelAttribute("form") ForgotForm form, BindingResult errors, Locale locale,
            Model model) {
        if (errors.hasErrors()) {
            return "accounts/forgot-password";
        }
        resets.request(form.email(), locale);
        model.addAttribute("sent", true);
        return "accounts/forgot-password";
    }

    @GetMapping("/password/reset")
    String resetPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        LinkState state = token.isBlank() ? LinkState.USED_OR_UNKNOWN : resets.check(token);
        model.addAttribute("state", state.name());
        model.addAttribute("form", new ResetForm(token, ""));
        if (state != LinkState.VALID) {
            response.setStatus(HttpStatus.GONE.value());
        }
        return "accounts/reset-password";
    }

    @PostMapping("/password/reset")
    String reset(@Validated @ModelAttribute("form") ResetForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        String token = form.token() == null ? "" : form.token();
        if (errors.hasFieldErrors("password")) {
            model.addAttribute("state", resets.check(token).name());
            return "accounts/reset-password";
        }
        Optional<Person> person = resets.reset(token, form.password());
        if (person.isEmpty()) {
            model.addAttribute("state", resets.check(token).name());
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/reset-password";
        }
        sessions.signIn(person.get(), request, response);
        return "redirect:/app?password-changed";
    }
}
