package dev.paydeck.accounts;

import org.springframework.stereotype.Service;

import java.util.Optional;

/** Issues API tokens to people who prove who they are. */
@Service
public class TokenIssuer {

    /** A bearer token and how long it lives. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    private final Accounts accounts;
    private final Tokens tokens;

    TokenIssuer(Accounts accounts, Tokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    public Optional<IssuedToken> issue(String email, String password) {
        return accounts.verify(email, password).map(tokens::issue);
    }
}
