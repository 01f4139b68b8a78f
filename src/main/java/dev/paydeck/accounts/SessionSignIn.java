package dev.paydeck.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a person in to a browser session right after sign-up (a fresh session id, against fixation). */
@Component
public class SessionSignIn {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public void signIn(Person person, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(PersonAuthenticationProvider.authenticated(person));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
