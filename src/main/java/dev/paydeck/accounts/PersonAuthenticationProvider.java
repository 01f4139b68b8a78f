package dev.paydeck.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/** Signs people in to pages with email and password, through {@link Accounts#verify} (which counts failures). */
@Component
class PersonAuthenticationProvider implements AuthenticationProvider {

    private final Accounts accounts;

    PersonAuthenticationProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getPrincipal());
        String password = String.valueOf(authentication.getCredentials());
        Person person = accounts.verify(email, password)
                .orElseThrow(() -> new BadCredentialsException("The email or password is not right."));
        return authenticated(person);
    }

    static Authentication authenticated(Person person) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new SignedInPerson(person.id(), person.email(), person.name()), null,
                AuthorityUtils.createAuthorityList("ROLE_PERSON"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
