package dev.paydeck.accounts.web;

import dev.paydeck.accounts.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page who is signed in (for the navigation bar), as {@code currentPerson} (null when nobody). */
@ControllerAdvice(annotations = Controller.class)
class CurrentPersonAdvice {

    @ModelAttribute("currentPerson")
    SignedInPerson currentPerson(@AuthenticationPrincipal SignedInPerson person) {
        return person;
    }
}
