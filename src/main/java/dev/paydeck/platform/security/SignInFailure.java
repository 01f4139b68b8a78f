package dev.paydeck.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;

/**
 * After a wrong password, back to the sign-in page with the email that was typed kept (in the session, for the next
 * page only), so that only the password is typed again.
 */
public class SignInFailure extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute that holds the email for the sign-in page. */
    public static final String EMAIL = SignInFailure.class.getName() + ".email";

    SignInFailure() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String email = request.getParameter("username");
        if (email != null && !email.isBlank() && email.length() <= 254) {
            request.getSession().setAttribute(EMAIL, email.strip());
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
