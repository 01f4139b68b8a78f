package dev.paydeck.platform;

import org.springframework.security.core.Authentication;

import java.util.Optional;

/**
 * Turns the bearer credential of an API call ({@code Authorization: Bearer ...}) into an authenticated caller.
 * Modules that issue credentials (API keys, tokens) provide implementations; with none, every API call is 401.
 */
public interface ApiAuthenticator {

    /** The caller this credential identifies, or empty when this authenticator does not accept it. */
    Optional<Authentication> authenticate(String bearerCredential);
}
